import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createFaultQueue, createRequestTracker } from '@org/connector-core/testing';
import { type ResendErrorName, resendError, resendErrors } from './errors.js';
import { createIdempotencyKeys } from './idempotency.js';
import { isProblem, type ParsedEmail, parseEmail } from './parse-email.js';
import { createRateLimiter } from './rate-limiter.js';
import type {
  MockResendDomain,
  MockResendOptions,
  ResendFault,
  ResendOutboxMessage,
  ResendRequestLogEntry,
} from './types.js';

// Over 300 lines, on purpose: the engine is Resend's API as one table of routes over shared
// state (outbox, domains, idempotency keys, rate limit, faults); each route is short, and
// splitting them per file would spread one API reference page over many.

const dayMs = 24 * 60 * 60 * 1000;
const maxBatch = 100;

interface Answer {
  response: Response;
  errorName?: string;
  fault?: string;
}

function json(body: unknown, headers: Record<string, string>, status = 200): Response {
  return Response.json(body, { status, headers });
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function normalizeFault(fault: ResendFault) {
  return typeof fault === 'string' ? { kind: fault } : fault;
}

/** The mock's state and request handling, shared by the msw handlers and the local server. */
export function createResendEngine(options: MockResendOptions) {
  const now = options.now ?? Date.now;
  const faults = createFaultQueue<ReturnType<typeof normalizeFault>>();
  const rateLimiter = createRateLimiter(options.rateLimit, now);
  const idempotency = createIdempotencyKeys(now);
  // Bumped by reset(): a request still in flight then (a held-back answer) leaves no trace.
  let generation = 0;
  const tracker = createRequestTracker();
  const outbox: ResendOutboxMessage[] = [];
  const log: ResendRequestLogEntry[] = [];
  const sentAt: number[] = [];
  const domains = (options.domains ?? []).map((domain: MockResendDomain) => ({
    id: randomUUID(),
    name: domain.name.toLowerCase(),
    status: domain.status ?? 'verified',
    region: domain.region ?? 'us-east-1',
    created_at: new Date(now()).toISOString(),
  }));

  const keyAccess = (key: string): 'full' | 'sending' | undefined => {
    if (options.sendingKeys?.includes(key)) return 'sending';
    if (options.apiKeys) return options.apiKeys.includes(key) ? 'full' : undefined;
    return key.startsWith('re_') && key.length > 3 ? 'full' : undefined;
  };

  const senderProblem = (address: string): string | undefined => {
    if (options.domains === undefined) return undefined;
    const domain = domainOf(address);
    const known = domains.find((d) => d.name === domain);
    if (known?.status === 'verified') return undefined;
    return `The ${domain} domain is not verified. Please, add and verify your domain on https://resend.com/domains`;
  };

  const quotaLeft = (count: number): boolean => {
    if (options.dailyQuota === undefined) return true;
    const since = now() - dayMs;
    while (sentAt.length > 0 && (sentAt[0] as number) < since) sentAt.shift();
    return sentAt.length + count <= options.dailyQuota;
  };

  const accept = (
    email: ParsedEmail,
    operation: ResendOutboxMessage['operation'],
    idempotencyKey: string | undefined,
  ): ResendOutboxMessage => {
    const message: ResendOutboxMessage = {
      id: randomUUID(),
      createdAt: new Date(now()).toISOString(),
      ...structuredClone(email),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      operation,
    };
    outbox.push(message);
    sentAt.push(now());
    return message;
  };

  const faultAnswer = (
    fault: ReturnType<typeof normalizeFault>,
    headers: Record<string, string>,
    from: string | undefined,
  ): Answer => {
    const label = fault.kind;
    if (fault.kind === 'network_error') return { response: Response.error(), fault: label };
    if (fault.kind === 'service_unavailable') {
      return {
        response: new Response('503 Service Temporarily Unavailable', {
          status: fault.status ?? 503,
          headers: { 'content-type': 'text/html' },
        }),
        fault: label,
      };
    }
    if (fault.kind === 'domain_not_verified') {
      const domain = from ? domainOf(from) : 'example.com';
      const message =
        fault.message ??
        `The ${domain} domain is not verified. Please, add and verify your domain on https://resend.com/domains`;
      return {
        response: resendError('validation_error', {
          status: fault.status ?? 403,
          message,
          headers,
        }),
        errorName: 'validation_error',
        fault: label,
      };
    }
    const name = fault.kind as ResendErrorName;
    const extra = name === 'rate_limit_exceeded' ? { 'retry-after': '1', ...headers } : headers;
    return {
      response: resendError(name, {
        ...(fault.status === undefined ? {} : { status: fault.status }),
        ...(fault.message === undefined ? {} : { message: fault.message }),
        headers: extra,
      }),
      errorName: name,
      fault: label,
    };
  };

  const send = async (
    request: Request,
    body: unknown,
    batch: boolean,
    headers: Record<string, string>,
  ): Promise<Answer> => {
    const error = (name: ResendErrorName, message?: string): Answer => ({
      response: resendError(name, { headers, ...(message === undefined ? {} : { message }) }),
      errorName: name,
    });
    const key = request.headers.get('idempotency-key') ?? undefined;
    if (key !== undefined && (key.length < 1 || key.length > 256)) {
      return error('invalid_idempotency_key');
    }
    const items = batch ? body : [body];
    if (!Array.isArray(items)) {
      return error('validation_error', 'The batch request body must be an array of emails.');
    }
    if (items.length === 0 || items.length > maxBatch) {
      return error('validation_error', `A batch holds between 1 and ${maxBatch} emails.`);
    }
    const emails: ParsedEmail[] = [];
    for (const item of items) {
      const parsed = parseEmail(item);
      if (isProblem(parsed)) return error(parsed.name, parsed.message);
      const problem = senderProblem(parsed.fromAddress);
      if (problem) {
        return {
          response: resendError('validation_error', { status: 403, message: problem, headers }),
          errorName: 'validation_error',
        };
      }
      emails.push(parsed);
    }

    const fault = faults.take();
    if (fault && fault.kind !== 'latency')
      return faultAnswer(fault, headers, emails[0]?.fromAddress);

    if (key !== undefined) {
      const outcome = idempotency.claim(key, JSON.stringify(body));
      if (outcome.kind === 'conflict') return error('invalid_idempotent_request');
      if (outcome.kind === 'in_progress') return error('concurrent_idempotent_requests');
      if (outcome.kind === 'replay') {
        return { response: json(outcome.body, headers, outcome.status) };
      }
    }
    try {
      if (fault?.kind === 'latency') {
        const before = generation;
        // A client hanging up ends the wait: the request is dropped there (and its idempotency key freed).
        await delay(fault.latencyMs ?? 1_000, undefined, { signal: request.signal }).catch(
          () => {},
        );
        // The client gave up while the mock was slow, or the mock was reset meanwhile: nothing
        // is sent, as if the request never arrived.
        if (request.signal.aborted || generation !== before) {
          return { response: Response.error(), fault: 'latency' };
        }
      }
      // A client that hung up gets nothing delivered: it could not learn the email was sent.
      if (request.signal.aborted) return { response: Response.error(), fault: 'hang_up' };
      if (!quotaLeft(emails.length)) {
        if (key !== undefined) idempotency.release(key);
        return error('daily_quota_exceeded');
      }
      const accepted = emails.map((email) => accept(email, batch ? 'batch' : 'send', key));
      const answer = batch ? { data: accepted.map(({ id }) => ({ id })) } : { id: accepted[0]!.id };
      if (key !== undefined) idempotency.complete(key, 200, answer);
      return { response: json(answer, headers) };
    } finally {
      if (key !== undefined) idempotency.release(key);
    }
  };

  const route = async (
    request: Request,
    path: string,
    body: unknown,
    access: 'full' | 'sending',
    headers: Record<string, string>,
  ): Promise<Answer> => {
    const method = request.method.toUpperCase();
    const restricted = (): Answer => ({
      response: resendError('restricted_api_key', { headers }),
      errorName: 'restricted_api_key',
    });
    if (path === '/emails' || path === '/emails/batch') {
      if (method !== 'POST') {
        return {
          response: resendError('method_not_allowed', { headers }),
          errorName: 'method_not_allowed',
        };
      }
      return send(request, body, path === '/emails/batch', headers);
    }
    const emailMatch = /^\/emails\/([^/]+)$/.exec(path);
    if (method === 'GET' && emailMatch) {
      if (access === 'sending') return restricted();
      const email = outbox.find((message) => message.id === emailMatch[1]);
      if (!email) {
        return {
          response: resendError('not_found', { headers, message: 'Email not found' }),
          errorName: 'not_found',
        };
      }
      return {
        response: json(
          {
            object: 'email',
            id: email.id,
            to: email.to,
            from: email.from,
            created_at: email.createdAt,
            subject: email.subject,
            html: email.html ?? null,
            text: email.text ?? null,
            cc: email.cc.length ? email.cc : null,
            bcc: email.bcc.length ? email.bcc : null,
            reply_to: email.replyTo.length ? email.replyTo : null,
            last_event: 'delivered',
            scheduled_at: email.scheduledAt ?? null,
            tags: email.tags,
          },
          headers,
        ),
      };
    }
    if (method === 'GET' && path === '/domains') {
      if (access === 'sending') return restricted();
      return { response: json({ object: 'list', has_more: false, data: domains }, headers) };
    }
    const domainMatch = /^\/domains\/([^/]+)$/.exec(path);
    if (method === 'GET' && domainMatch) {
      if (access === 'sending') return restricted();
      const domain = domains.find((d) => d.id === domainMatch[1]);
      if (!domain) {
        return {
          response: resendError('not_found', { headers, message: 'Domain not found' }),
          errorName: 'not_found',
        };
      }
      return { response: json({ object: 'domain', ...domain, records: [] }, headers) };
    }
    return { response: resendError('not_found', { headers }), errorName: 'not_found' };
  };

  const answer = async (request: Request, path: string, body: unknown): Promise<Answer> => {
    const authorization = request.headers.get('authorization');
    if (!authorization) {
      return { response: resendError('missing_api_key'), errorName: 'missing_api_key' };
    }
    const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const access = key === undefined ? undefined : keyAccess(key);
    if (key === undefined || access === undefined) {
      return { response: resendError('invalid_api_key'), errorName: 'invalid_api_key' };
    }
    const limit = rateLimiter.hit(key);
    if (!limit.allowed) {
      return {
        response: resendError('rate_limit_exceeded', {
          headers: limit.headers,
          message: `Too many requests. You can only make ${options.rateLimit} requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.`,
        }),
        errorName: 'rate_limit_exceeded',
      };
    }
    return route(request, path, body, access, limit.headers);
  };

  const answerRequest = async (request: Request, path: string): Promise<Response> => {
    const started = generation;
    let body: unknown;
    const text = request.method === 'GET' ? '' : await request.text().catch(() => '');
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        const response = resendError('validation_error', {
          message: 'The request body is not valid JSON.',
        });
        log.push({ method: request.method, path, status: 400, errorName: 'validation_error' });
        return response;
      }
    }
    let result: Answer;
    try {
      result = await answer(request, path, body);
    } catch (error) {
      result = {
        response: resendError('internal_server_error', {
          message: `mock-resend: ${(error as Error).message}`,
        }),
        errorName: 'internal_server_error',
      };
    }
    if (started !== generation) return result.response;
    log.push({
      method: request.method.toUpperCase(),
      path,
      status: result.response.type === 'error' ? 0 : result.response.status,
      ...(result.errorName === undefined ? {} : { errorName: result.errorName }),
      ...(result.fault === undefined ? {} : { fault: result.fault }),
      ...(request.headers.has('idempotency-key')
        ? { idempotencyKey: request.headers.get('idempotency-key') as string }
        : {}),
      ...(body === undefined ? {} : { body }),
    });
    return result.response;
  };

  return {
    faults,
    outbox,
    log,
    domains,
    tracker,
    async handle(request: Request, basePath = ''): Promise<Response> {
      const path = new URL(request.url).pathname.slice(basePath.length).replace(/\/+$/, '') || '/';
      if (
        request.method.toUpperCase() !== 'POST' ||
        !(path === '/emails' || path === '/emails/batch')
      ) {
        return answerRequest(request, path);
      }
      const done = tracker.start(request.signal);
      try {
        return await answerRequest(request, path);
      } finally {
        done();
      }
    },
    reset() {
      generation += 1;
      tracker.reset();
      faults.clear();
      rateLimiter.reset();
      idempotency.clear();
      outbox.length = 0;
      log.length = 0;
      sentAt.length = 0;
    },
    fault(fault: ResendFault, times?: number) {
      const normalized = normalizeFault(fault);
      if (
        !(normalized.kind in resendErrors) &&
        !['domain_not_verified', 'service_unavailable', 'network_error', 'latency'].includes(
          normalized.kind,
        )
      ) {
        throw new TypeError(`@org/mock-resend: unknown fault kind '${String(normalized.kind)}'.`);
      }
      faults.push(normalized, times);
    },
  };
}

export type ResendEngine = ReturnType<typeof createResendEngine>;
