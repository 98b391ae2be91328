import type { RequestHandler } from 'msw';
import { createResendEngine } from './engine.js';
import { createMswHandlers } from './msw-handlers.js';
import { createResendProviderMock } from './provider-mock.js';
import type { MockResend, MockResendOptions } from './types.js';

export const defaultResendBaseUrl = 'https://api.resend.com';

/**
 * A mock of the Resend API (`POST /emails`, `POST /emails/batch`, `GET /emails/:id`,
 * `GET /domains`, `GET /domains/:id`) built from its public reference: Bearer `re_…` keys,
 * `{ statusCode, message, name }` errors, `ratelimit-*` headers, `Idempotency-Key` semantics.
 * One engine; `handle` (fetch), `handlers` (msw) and `startMockResendServer` (node:http).
 */
export function createMockResend(options: MockResendOptions = {}): MockResend {
  const baseUrl = (options.baseUrl ?? defaultResendBaseUrl).replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const engine = createResendEngine(options);
  const handle = (request: Request) =>
    engine.handle(
      request,
      new URL(request.url).pathname.startsWith(`${basePath}/`) ? basePath : '',
    );
  let handlers: RequestHandler[] | undefined;
  const providerMock = createResendProviderMock(engine);
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
