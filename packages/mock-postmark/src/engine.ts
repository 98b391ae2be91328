import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createFaultQueue, createRequestTracker } from '@org/connector-core/testing';
import { postmarkError, rateLimited } from './errors.js';
import { addressOf, isProblem, type ParsedEmail, parseEmail } from './parse-email.js';
import type {
  MockMessageStream,
  MockPostmarkOptions,
  PostmarkFault,
  PostmarkOutboxMessage,
  PostmarkRequestLogEntry,
} from './types.js';

// Over 300 lines, on purpose: the engine is Postmark's API as one table of routes over shared
// state (outbox, message streams, faults, tokens); each route is short, and splitting them per
// file would spread one API reference page over many.

const maxBatch = 500;
const testToken = 'POSTMARK_API_TEST';

type NormalizedFault = Exclude<PostmarkFault, string>;

/** ErrorCode and status of each named fault kind. */
const faultCodes: Record<string, number> = {
  invalid_token: 10,
  sender_not_found: 400,
  sender_not_confirmed: 401,
  not_allowed_to_send: 405,
  inactive_recipient: 406,
  account_pending: 412,
  account_may_not_send: 413,
  maintenance: 100,
};

const faultKinds = new Set([
  ...Object.keys(faultCodes),
  'rate_limit',
  'internal_error',
  'network_error',
  'latency',
  'api_error',
]);

const sendPaths = new Set(['/email', '/email/batch']);

interface Answer {
  response: Response;
  errorCode?: number;
  fault?: string;
}

const defaultStreams: MockMessageStream[] = [
  { id: 'outbound', name: 'Default Transactional Stream', type: 'Transactional' },
  { id: 'broadcast', name: 'Default Broadcast Stream', type: 'Broadcasts' },
  { id: 'inbound', name: 'Default Inbound Stream', type: 'Inbound' },
];

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function failure(errorCode: number, message?: string, status?: number): Answer {
  return {
    response: postmarkError(errorCode, {
      ...(message === undefined ? {} : { message }),
      ...(status === undefined ? {} : { status }),
    }),
    errorCode,
  };
}

/** The mock's state and request handling, shared by the msw handlers and the local server. */
export function createPostmarkEngine(options: MockPostmarkOptions) {
  const now = options.now ?? Date.now;
  const faults = createFaultQueue<NormalizedFault>();
  // Bumped by reset(): a request still in flight then (a held-back answer) leaves no trace.
  let generation = 0;
  const tracker = createRequestTracker();
  const outbox: PostmarkOutboxMessage[] = [];
  const log: PostmarkRequestLogEntry[] = [];
  const windows = new Map<string, { start: number; count: number }>();
  const streams = options.messageStreams ?? defaultStreams;
  const inactive = new Set((options.inactiveRecipients ?? []).map((a) => a.toLowerCase()));
  const serverId = 1_000_000 + Math.floor(Math.random() * 1_000_000);

  const throttled = (token: string): boolean => {
    if (options.rateLimit === undefined) return false;
    const start = Math.floor(now() / 1000);
    const window = windows.get(token);
    if (!window || window.start !== start) {
      windows.set(token, { start, count: 1 });
      return options.rateLimit < 1;
    }
    window.count += 1;
    return window.count > options.rateLimit;
  };

  const senderProblem = (address: string): Answer | undefined => {
    if (options.senderSignatures === undefined) return undefined;
    const lower = address.toLowerCase();
    const signature = options.senderSignatures.find(
      (s) => s.email?.toLowerCase() === lower || s.domain?.toLowerCase() === domainOf(lower),
    );
    if (!signature) {
      return failure(
        400,
        `The 'From' address you supplied (${address}) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.`,
      );
    }
    if (signature.confirmed === false) {
      return failure(
        401,
        `The 'From' address you supplied (${address}) has not been confirmed. Please confirm the Sender Signature before sending from it.`,
      );
    }
    return undefined;
  };

  /** The per-message checks after validation; `undefined` when it may be sent. */
  const refusal = (email: ParsedEmail): Answer | undefined => {
    const sender = senderProblem(email.fromAddress);
    if (sender) return sender;
    const stream = streams.find((s) => s.id === email.messageStream);
    if (!stream) return failure(1235);
    if (stream.type === 'Inbound') {
      return failure(300, "Sending is not supported on the supplied 'MessageStream'.");
    }
    const recipients = [...email.to, ...email.cc, ...email.bcc].map(
      (r) => addressOf(r)?.toLowerCase() ?? r,
    );
    const gone = recipients.filter((r) => inactive.has(r));
    if (gone.length > 0) {
      return failure(
        406,
        `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${gone.join(', ')}. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.`,
      );
    }
    if (
      options.accountPending &&
      recipients.some((r) => domainOf(r) !== domainOf(email.fromAddress))
    ) {
      return failure(412);
    }
    return undefined;
  };

  const faultAnswer = (fault: NormalizedFault): Answer => {
    const label = fault.kind === 'api_error' ? `api_error ${fault.errorCode}` : fault.kind;
    switch (fault.kind) {
      case 'network_error':
        return { response: Response.error(), fault: label };
      case 'rate_limit':
        return { response: rateLimited(), errorCode: 429, fault: label };
      case 'internal_error':
        return {
          response: new Response(fault.message ?? 'Internal Server Error', {
            status: fault.status ?? 500,
            headers: { 'content-type': 'text/plain' },
          }),
          fault: label,
        };
      case 'api_error':
        return { ...failure(fault.errorCode, fault.message, fault.status), fault: label };
      default:
        return { ...failure(faultCodes[fault.kind] as number, fault.message), fault: label };
    }
  };

  const accept = (
    email: ParsedEmail,
    operation: PostmarkOutboxMessage['operation'],
    deliver: boolean,
  ) => {
    const message: PostmarkOutboxMessage = {
      messageId: deliver ? randomUUID() : '00000000-0000-0000-0000-000000000000',
      submittedAt: new Date(now()).toISOString(),
      ...structuredClone(email),
      operation,
    };
    if (deliver) outbox.push(message);
    return {
      To: email.to.join(', '),
      SubmittedAt: message.submittedAt,
      MessageID: message.messageId,
      ErrorCode: 0,
      Message: 'OK',
    };
  };

  const send = async (
    request: Request,
    body: unknown,
    batch: boolean,
    deliver: boolean,
  ): Promise<Answer> => {
    if (batch && !Array.isArray(body)) {
      return failure(403, 'Incompatible JSON input: a batch is an array of messages.');
    }
    const items = batch ? (body as unknown[]) : [body];
    if (items.length > maxBatch) return failure(410);
    const fault = faults.take();
    if (fault && fault.kind !== 'latency') return faultAnswer(fault);
    if (fault?.kind === 'latency') {
      const before = generation;
      // A client hanging up ends the wait: the request is dropped there (and its idempotency key freed).
      await delay(fault.latencyMs ?? 1_000, undefined, { signal: request.signal }).catch(() => {});
      // The client gave up while the mock was slow, or the mock was reset meanwhile: nothing
      // is sent, as if the request never arrived.
      if (request.signal.aborted || generation !== before) {
        return { response: Response.error(), fault: 'latency' };
      }
    }
    // A client that hung up gets nothing delivered: it could not learn the email was sent.
    if (request.signal.aborted) return { response: Response.error(), fault: 'hang_up' };
    if (!batch) {
      const parsed = parseEmail(body);
      if (isProblem(parsed)) return failure(parsed.errorCode, parsed.message);
      const refused = refusal(parsed);
      if (refused) return refused;
      return { response: Response.json(accept(parsed, 'email', deliver)) };
    }
    // A batch answers 200 with one result per message; each fails or succeeds on its own.
    const results = items.map((item) => {
      const parsed = parseEmail(item);
      if (isProblem(parsed)) return { ErrorCode: parsed.errorCode, Message: parsed.message };
      const refused = refusal(parsed);
      if (refused) {
        return { ErrorCode: refused.errorCode, Message: 'The message was refused.' };
      }
      return accept(parsed, 'batch', deliver);
    });
    return { response: Response.json(results) };
  };

  const serverInfo = (token: string) => ({
    ID: serverId,
    Name: options.server?.name ?? 'Mock Server',
    ApiTokens: [token],
    Color: 'blue',
    SmtpApiActivated: true,
    RawEmailEnabled: false,
    DeliveryType: options.server?.deliveryType ?? 'Live',
    ServerLink: `https://account.postmarkapp.com/servers/${serverId}/streams`,
    InboundAddress: `mock${serverId}@inbound.postmarkapp.com`,
    InboundHookUrl: '',
    BounceHookUrl: '',
    OpenHookUrl: '',
    DeliveryHookUrl: '',
    PostFirstOpenOnly: false,
    InboundDomain: '',
    InboundHash: `mock${serverId}`,
    InboundSpamThreshold: 0,
    TrackOpens: false,
    TrackLinks: 'None',
    IncludeBounceContentInHook: true,
    EnableSmtpApiErrorHooks: false,
  });

  const streamInfo = (stream: MockMessageStream) => ({
    ID: stream.id,
    ServerID: serverId,
    Name: stream.name ?? stream.id,
    Description: '',
    MessageStreamType: stream.type,
    CreatedAt: new Date(0).toISOString(),
    UpdatedAt: null,
    ArchivedAt: null,
    ExpectedPurgeDate: null,
    SubscriptionManagementConfiguration: { UnsubscribeHandlingType: 'None' },
  });

  const senders = (url: URL) => {
    const all = (options.senderSignatures ?? []).map((s, index) => ({
      Domain: s.domain ?? (s.email ? domainOf(s.email) : ''),
      EmailAddress: s.email ?? '',
      ReplyToEmailAddress: '',
      Name: s.name ?? '',
      Confirmed: s.confirmed ?? true,
      ID: index + 1,
    }));
    const count = Math.min(500, Number(url.searchParams.get('count') ?? 500) || 500);
    const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
    return { TotalCount: all.length, SenderSignatures: all.slice(offset, offset + count) };
  };

  const tokenValid = (token: string, list: string[] | undefined): boolean =>
    token !== '' && (list === undefined || list.includes(token) || token === testToken);

  const answer = async (
    request: Request,
    url: URL,
    path: string,
    body: unknown,
  ): Promise<Answer> => {
    const method = request.method.toUpperCase();
    const accountRoute = path === '/senders';
    const header = accountRoute ? 'x-postmark-account-token' : 'x-postmark-server-token';
    const token = request.headers.get(header)?.trim() ?? '';
    if (token === '') {
      return failure(
        10,
        'No Account or Server API tokens were supplied in the HTTP headers. Please add a header for either X-Postmark-Server-Token or X-Postmark-Account-Token.',
      );
    }
    if (!tokenValid(token, accountRoute ? options.accountTokens : options.serverTokens)) {
      return failure(
        10,
        accountRoute
          ? 'The Account Token you provided in the X-Postmark-Account-Token request header was invalid. Please verify that you are using a valid token.'
          : 'The Server Token you provided in the X-Postmark-Server-Token request header was invalid. Please verify that you are using a valid token.',
      );
    }
    if (!(request.headers.get('accept') ?? '').includes('application/json')) return failure(409);
    if (throttled(token)) return { response: rateLimited(), errorCode: 429 };

    if (path === '/email' || path === '/email/batch') {
      if (method !== 'POST') return failure(300, `${method} is not allowed on ${path}.`, 405);
      if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
        return failure(409);
      }
      return send(request, body, path === '/email/batch', token !== testToken);
    }
    if (method === 'GET' && path === '/server')
      return { response: Response.json(serverInfo(token)) };
    if (method === 'GET' && path === '/senders') return { response: Response.json(senders(url)) };
    const streamMatch = /^\/message-streams\/([^/]+)$/.exec(path);
    if (method === 'GET' && streamMatch) {
      const stream = streams.find((s) => s.id === decodeURIComponent(streamMatch[1] as string));
      return stream ? { response: Response.json(streamInfo(stream)) } : failure(1226);
    }
    if (method === 'GET' && path === '/message-streams') {
      return {
        response: Response.json({
          MessageStreams: streams.map(streamInfo),
          TotalCount: streams.length,
        }),
      };
    }
    return failure(0, 'The requested resource does not exist.', 404);
  };

  const answerRequest = async (request: Request, url: URL, path: string): Promise<Response> => {
    const started = generation;
    let body: unknown;
    const text = request.method === 'GET' ? '' : await request.text().catch(() => '');
    let result: Answer;
    try {
      if (text !== '') body = JSON.parse(text);
      result = await answer(request, url, path, body);
    } catch (error) {
      result =
        error instanceof SyntaxError
          ? failure(402)
          : {
              response: new Response(`mock-postmark: ${(error as Error).message}`, {
                status: 500,
              }),
            };
    }
    if (started !== generation) return result.response;
    log.push({
      method: request.method.toUpperCase(),
      path,
      status: result.response.type === 'error' ? 0 : result.response.status,
      ...(result.errorCode === undefined ? {} : { errorCode: result.errorCode }),
      ...(result.fault === undefined ? {} : { fault: result.fault }),
      ...(body === undefined ? {} : { body }),
    });
    return result.response;
  };

  return {
    faults,
    outbox,
    log,
    tracker,
    async handle(request: Request, basePath = ''): Promise<Response> {
      const url = new URL(request.url);
      const path = url.pathname.slice(basePath.length).replace(/\/+$/, '') || '/';
      if (request.method.toUpperCase() !== 'POST' || !sendPaths.has(path)) {
        return answerRequest(request, url, path);
      }
      const done = tracker.start(request.signal);
      try {
        return await answerRequest(request, url, path);
      } finally {
        done();
      }
    },
    fault(fault: PostmarkFault, times?: number) {
      const normalized: NormalizedFault = typeof fault === 'string' ? { kind: fault } : fault;
      if (!faultKinds.has(normalized.kind)) {
        throw new TypeError(`@org/mock-postmark: unknown fault kind '${String(normalized.kind)}'.`);
      }
      faults.push(normalized, times);
    },
    reset() {
      generation += 1;
      tracker.reset();
      faults.clear();
      windows.clear();
      outbox.length = 0;
      log.length = 0;
    },
  };
}

export type PostmarkEngine = ReturnType<typeof createPostmarkEngine>;
