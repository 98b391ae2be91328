import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createFaultQueue, createRequestTracker } from '@org/connector-core/testing';
import { __CAMEL__Error } from './errors.js';
import { isProblem, type ParsedEmail, parseEmail } from './parse-email.js';
import type {
  __PASCAL__Fault,
  __PASCAL__OutboxMessage,
  __PASCAL__RequestLogEntry,
  Mock__PASCAL__Options,
} from './types.js';

/** TODO: the path of __TITLE__'s send call (the connector's `__CAMEL__SendPath`). */
const sendPath = '/emails';

interface Answer {
  response: Response;
  errorName?: string;
  fault?: string;
}

const faultKinds = new Set(['error', 'edge', 'network_error', 'latency']);

/**
 * The mock's state and request handling, shared by the msw handlers and the local server.
 * TODO: __TITLE__'s other routes (what src/preflight.ts of the connector reads, e.g. its
 * domains or senders), its rate limits and quotas, each answered as __TITLE__ does.
 */
export function create__PASCAL__Engine(options: Mock__PASCAL__Options) {
  const now = options.now ?? Date.now;
  const faults = createFaultQueue<__PASCAL__Fault>();
  // Bumped by reset(): a request still in flight then (a held-back answer) leaves no trace.
  let generation = 0;
  const tracker = createRequestTracker();
  const outbox: __PASCAL__OutboxMessage[] = [];
  const log: __PASCAL__RequestLogEntry[] = [];

  /** TODO: __TITLE__'s auth header and its answers to a missing or unknown key. */
  const authProblem = (request: Request): Answer | undefined => {
    const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (key !== undefined && (options.apiKeys === undefined || options.apiKeys.includes(key))) {
      return undefined;
    }
    return {
      response: __CAMEL__Error(401, 'invalid_api_key', 'The API key is missing or unknown.'),
      errorName: 'invalid_api_key',
    };
  };

  const faultAnswer = (fault: __PASCAL__Fault): Answer => {
    switch (fault.kind) {
      case 'network_error':
        return { response: Response.error(), fault: fault.kind };
      case 'edge':
        return {
          response: new Response(`<html><body><h1>${fault.status}</h1></body></html>`, {
            status: fault.status,
            headers: { 'content-type': 'text/html' },
          }),
          fault: `edge ${fault.status}`,
        };
      default:
        return {
          response: __CAMEL__Error(
            fault.kind === 'error' ? fault.status : 500,
            fault.kind === 'error' ? fault.name : 'internal_server_error',
            (fault.kind === 'error' ? fault.message : undefined) ?? `Injected ${fault.kind}.`,
            fault.kind === 'error' ? fault.headers : {},
          ),
          ...(fault.kind === 'error' ? { errorName: fault.name } : {}),
          fault: fault.kind === 'error' ? `${fault.status} ${fault.name}` : fault.kind,
        };
    }
  };

  const accept = (email: ParsedEmail): __PASCAL__OutboxMessage => {
    const message = { id: randomUUID(), createdAt: new Date(now()).toISOString(), ...email };
    outbox.push(message);
    return message;
  };

  const send = async (request: Request, body: unknown): Promise<Answer> => {
    const parsed = parseEmail(body);
    if (isProblem(parsed)) {
      return { response: __CAMEL__Error(parsed.status, parsed.name, parsed.message), errorName: parsed.name };
    }
    const fault = faults.take();
    if (fault && fault.kind !== 'latency') return faultAnswer(fault);
    if (fault?.kind === 'latency') {
      const before = generation;
      // A client hanging up ends the wait: the request is dropped there.
      await delay(fault.latencyMs ?? 1_000, undefined, { signal: request.signal }).catch(() => {});
      // The client gave up while the mock was slow, or the mock was reset meanwhile: nothing
      // is sent, as if the request never arrived.
      if (request.signal.aborted || generation !== before) {
        return { response: Response.error(), fault: 'latency' };
      }
    }
    // A client that hung up gets nothing delivered: it could not learn the email was sent.
    if (request.signal.aborted) return { response: Response.error(), fault: 'hang_up' };
    const message = accept(parsed);
    // TODO: __TITLE__'s success answer (the connector's `__CAMEL__MessageIdOf` reads it).
    return { response: Response.json({ id: message.id }) };
  };

  const answer = async (request: Request, path: string, body: unknown): Promise<Answer> => {
    const refused = authProblem(request);
    if (refused) return refused;
    if (path === sendPath && request.method.toUpperCase() === 'POST') return send(request, body);
    return {
      response: __CAMEL__Error(404, 'not_found', `No route ${request.method} ${path}.`),
      errorName: 'not_found',
    };
  };

  const answerRequest = async (request: Request, path: string): Promise<Response> => {
    const started = generation;
    let body: unknown;
    let result: Answer;
    try {
      const text = request.method === 'GET' ? '' : await request.text().catch(() => '');
      if (text !== '') body = JSON.parse(text);
      result = await answer(request, path, body);
    } catch (error) {
      // TODO: __TITLE__'s answer to a body that is not JSON.
      result = {
        response: __CAMEL__Error(
          error instanceof SyntaxError ? 400 : 500,
          error instanceof SyntaxError ? 'invalid_json' : 'internal_server_error',
          `__MOCKPACKAGE__: ${(error as Error).message}`,
        ),
      };
    }
    if (started !== generation) return result.response;
    log.push({
      method: request.method.toUpperCase(),
      path,
      status: result.response.type === 'error' ? 0 : result.response.status,
      ...(result.errorName === undefined ? {} : { errorName: result.errorName }),
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
    /** Only send requests count as in flight (`peakInFlight`, `hangUps`). */
    async handle(request: Request, basePath = ''): Promise<Response> {
      const path = new URL(request.url).pathname.slice(basePath.length).replace(/\/+$/, '') || '/';
      if (request.method.toUpperCase() !== 'POST' || path !== sendPath) {
        return answerRequest(request, path);
      }
      const done = tracker.start(request.signal);
      try {
        return await answerRequest(request, path);
      } finally {
        done();
      }
    },
    fault(fault: __PASCAL__Fault, times?: number) {
      if (!faultKinds.has(fault.kind)) {
        throw new TypeError(`__MOCKPACKAGE__: unknown fault kind '${String(fault.kind)}'.`);
      }
      faults.push(fault, times);
    },
    reset() {
      generation += 1;
      tracker.reset();
      faults.clear();
      outbox.length = 0;
      log.length = 0;
    },
    /** The send requests the mock answered, retries included (`requestCount`). */
    sendRequests: () => log.filter((entry) => entry.method === 'POST' && entry.path === sendPath).length,
  };
}

export type __PASCAL__Engine = ReturnType<typeof create__PASCAL__Engine>;
