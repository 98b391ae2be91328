import type { RequestHandler } from 'msw';
import { createPostmarkEngine } from './engine.js';
import { createMswHandlers } from './msw-handlers.js';
import { createPostmarkProviderMock } from './provider-mock.js';
import type { MockPostmark, MockPostmarkOptions } from './types.js';

export const defaultPostmarkBaseUrl = 'https://api.postmarkapp.com';

/**
 * A mock of the Postmark API (`POST /email`, `POST /email/batch`, `GET /server`,
 * `GET /senders`, `GET /message-streams[/:id]`) built from its public reference:
 * `X-Postmark-Server-Token` / `X-Postmark-Account-Token`, JSON required on both sides,
 * `{ ErrorCode, Message }` errors, sender signatures, message streams, inactive recipients.
 * One engine; `handle` (fetch), `handlers` (msw) and `startMockPostmarkServer` (node:http).
 */
export function createMockPostmark(options: MockPostmarkOptions = {}): MockPostmark {
  const baseUrl = (options.baseUrl ?? defaultPostmarkBaseUrl).replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const engine = createPostmarkEngine(options);
  const handle = (request: Request) =>
    engine.handle(
      request,
      new URL(request.url).pathname.startsWith(`${basePath}/`) ? basePath : '',
    );
  let handlers: RequestHandler[] | undefined;
  const providerMock = createPostmarkProviderMock(engine);
  return {
    baseUrl,
    get handlers() {
      handlers ??= createMswHandlers(baseUrl, handle);
      return handlers;
    },
    handle,
    outbox: () => structuredClone(engine.outbox),
    requests: () => structuredClone(engine.log),
    fault: (fault, faultOptions = {}) => engine.fault(fault, faultOptions.times ?? 1),
    asProviderMock: () => providerMock,
    reset: () => engine.reset(),
  };
}
