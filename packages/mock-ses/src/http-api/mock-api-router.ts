import { outboxPageResponse } from '../page/outbox-page.js';
import { isSnsApiPath, routeSnsApi } from '../sns/sns-api-routes.js';
import type { MockSes, OutboxFilter } from '../types.js';
import { type ControlGuardOptions, refuseUntrusted } from './control-guard.js';
import { parseFaultRequest } from './fault-request.js';
import { matchesLocalStackFilter, toLocalStackMessage } from './localstack-shape.js';
import { Notifier, outboxEventStream } from './outbox-events.js';
import { apiError, jsonResponse, methodNotAllowed, noContent } from './responses.js';

/** Answers the mock's own routes; `undefined` means "not mine, let the SES engine answer". */
export type MockApiRouter = (request: Request) => Promise<Response | undefined>;

export interface MockApiRouterOptions extends Partial<ControlGuardOptions> {
  /** Fires when the server closes: live event streams end so the server can stop. */
  signal?: AbortSignal;
}

const outboxItem = /^\/_mock\/outbox\/([^/]+)$/;

/**
 * Every path the router may answer (the page, the mock API, LocalStack's): the node server
 * sends only these through fetch `Request`s; the rest go straight to the SES engine.
 */
export function isMockApiPath(path: string): boolean {
  return (
    path === '/' ||
    path === '/index.html' ||
    path === '/_aws/ses' ||
    path === '/_mock' ||
    path.startsWith('/_mock/') ||
    isSnsApiPath(path)
  );
}

export function createMockApiRouter(
  mock: MockSes,
  options: MockApiRouterOptions = {},
): MockApiRouter {
  const clears = new Notifier();
  const guard: ControlGuardOptions = { loopbackOnly: options.loopbackOnly ?? true };
  // One listener on the server's signal for every stream, however many pages are open.
  const shutdown = { closing: options.signal?.aborted ?? false, notifier: new Notifier() };
  options.signal?.addEventListener(
    'abort',
    () => {
      shutdown.closing = true;
      shutdown.notifier.notify();
    },
    { once: true },
  );

  const clearOutbox = () => {
    mock.outbox.clear();
    clears.notify();
  };

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method.toUpperCase();
    if (!isMockApiPath(path)) return undefined;
    const refusal = refuseUntrusted(request, url, guard);
    if (refusal) return refusal;
    if (isSnsApiPath(path)) {
      const answered = await routeSnsApi(mock, request);
      if (answered) return answered;
    }

    if (path === '/' || path === '/index.html') {
      if (method !== 'GET' && method !== 'HEAD') return undefined;
      return outboxPageResponse();
    }
    if (path === '/_aws/ses') return localStack(method, url);
    if (path !== '/_mock' && !path.startsWith('/_mock/')) return undefined;

    switch (path) {
      case '/_mock/health':
        if (method !== 'GET') return methodNotAllowed(method, path, ['GET']);
        return jsonResponse({
          status: 'ok',
          region: mock.region,
          messages: mock.outbox.size,
          requests: mock.requests.size,
        });
      case '/_mock/outbox':
        if (method === 'GET') return listOutbox(url);
        if (method === 'DELETE') {
          clearOutbox();
          return noContent();
        }
        return methodNotAllowed(method, path, ['GET', 'DELETE']);
      case '/_mock/requests':
        if (method === 'GET') {
          const operation = url.searchParams.get('operation');
          const requests = operation ? mock.requests.operations(operation) : mock.requests.all();
          return jsonResponse({ requests });
        }
        if (method === 'DELETE') {
          mock.requests.clear();
          return noContent();
        }
        return methodNotAllowed(method, path, ['GET', 'DELETE']);
      case '/_mock/faults':
        if (method === 'GET') return jsonResponse({ pending: mock.faults.pending() });
        if (method === 'POST') return addFault(request);
        if (method === 'DELETE') {
          mock.faults.clear();
          return noContent();
        }
        return methodNotAllowed(method, path, ['GET', 'POST', 'DELETE']);
      case '/_mock/events':
        if (method !== 'GET') return methodNotAllowed(method, path, ['GET']);
        return outboxEventStream({
          outbox: mock.outbox,
          clears,
          signal: request.signal,
          shutdown,
        });
      case '/_mock/reset':
        if (method !== 'POST') return methodNotAllowed(method, path, ['POST']);
        mock.reset();
        clears.notify();
        return noContent();
    }

    const item = outboxItem.exec(path);
    if (item?.[1]) {
      if (method !== 'GET') return methodNotAllowed(method, path, ['GET']);
      let segment: string;
      try {
        segment = decodeURIComponent(item[1]);
      } catch {
        return apiError(400, `The message id in ${path} is not valid percent-encoding.`);
      }
      return outboxMessage(segment);
    }
    return apiError(
      404,
      `No mock API route ${method} ${path}. Routes: /_mock/outbox, /_mock/outbox/{id}, /_mock/outbox/{id}.eml, /_mock/requests, /_mock/faults, /_mock/events, /_mock/reset, /_mock/health, /_aws/ses.`,
    );
  };

  function listOutbox(url: URL) {
    const filter: OutboxFilter = {};
    const to = url.searchParams.get('to');
    if (to) filter.to = to;
    const since = url.searchParams.get('since');
    if (since) {
      if (/^\d+$/.test(since)) filter.since = Number(since);
      else if (Number.isFinite(Date.parse(since))) filter.since = since;
      else {
        return apiError(
          400,
          `"since" must be an ISO 8601 time or milliseconds since the epoch (got ${JSON.stringify(since)}).`,
        );
      }
    }
    const messages =
      filter.to || filter.since !== undefined ? mock.outbox.find(filter) : mock.outbox.all();
    return jsonResponse({ messages });
  }

  function outboxMessage(segment: string) {
    const eml = segment.endsWith('.eml');
    const id = eml ? segment.slice(0, -'.eml'.length) : segment;
    const message = mock.outbox.get(id);
    if (!message) {
      return apiError(
        404,
        `No message with id ${JSON.stringify(id)} in the outbox; GET /_mock/outbox lists them.`,
      );
    }
    if (!eml) return jsonResponse(message);
    const source = mock.outbox.toEml(id) ?? '';
    return new Response(source, {
      status: 200,
      headers: {
        'content-type': 'message/rfc822',
        'content-disposition': `attachment; filename="${id.replace(/[^\w.-]/g, '_')}.eml"`,
        'cache-control': 'no-store',
      },
    });
  }

  async function addFault(request: Request) {
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return apiError(
        400,
        'The body is not valid JSON. Send it with content-type application/json.',
      );
    }
    const parsed = parseFaultRequest(body);
    if (!parsed.ok) return apiError(400, parsed.message);
    const fault = parsed.value;
    switch (fault.type) {
      case 'latency':
        mock.faults.latency(fault.ms);
        break;
      case 'random':
        mock.faults.random({
          rate: fault.rate,
          faults: fault.faults,
          ...(fault.seed === undefined ? {} : { seed: fault.seed }),
        });
        break;
      case 'next':
        if (fault.times === 'always') {
          const operations = fault.operation === undefined ? undefined : [fault.operation].flat();
          mock.faults.when(
            (info) => !operations || operations.includes(info.operation),
            fault.fault,
          );
        } else {
          mock.faults.next(fault.fault, {
            times: fault.times,
            ...(fault.operation === undefined ? {} : { operation: fault.operation }),
          });
        }
        break;
    }
    return jsonResponse({ pending: mock.faults.pending() }, 201);
  }

  function localStack(method: string, url: URL) {
    const filter = { id: url.searchParams.get('id'), email: url.searchParams.get('email') };
    if (method === 'GET') {
      const messages = mock.outbox
        .all()
        .filter((message) => matchesLocalStackFilter(message, filter))
        .map(toLocalStackMessage);
      return jsonResponse({ messages });
    }
    if (method === 'DELETE') {
      if (filter.id) {
        mock.outbox.remove(filter.id);
        clears.notify();
      } else {
        clearOutbox();
      }
      return noContent();
    }
    return methodNotAllowed(method, url.pathname, ['GET', 'DELETE']);
  }
}
