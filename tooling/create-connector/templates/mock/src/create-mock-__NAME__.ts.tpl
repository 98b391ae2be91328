import type { RequestHandler } from 'msw';
import { create__PASCAL__Engine } from './engine.js';
import { createMswHandlers } from './msw-handlers.js';
import { create__PASCAL__ProviderMock } from './provider-mock.js';
import type { Mock__PASCAL__, Mock__PASCAL__Options } from './types.js';

/** TODO: the __TITLE__ API's real base URL, as the connector's `default__PASCAL__BaseUrl`. */
export const default__PASCAL__BaseUrl = 'https://api.__NAME__.example';

/**
 * A mock of the __TITLE__ API built from its public reference. One engine; `handle` (fetch),
 * `handlers` (msw) and `startMock__PASCAL__Server` (node:http) are its three faces.
 */
export function createMock__PASCAL__(options: Mock__PASCAL__Options = {}): Mock__PASCAL__ {
  const baseUrl = (options.baseUrl ?? default__PASCAL__BaseUrl).replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const engine = create__PASCAL__Engine(options);
  const handle = (request: Request) =>
    engine.handle(
      request,
      new URL(request.url).pathname.startsWith(`${basePath}/`) ? basePath : '',
    );
  let handlers: RequestHandler[] | undefined;
  const providerMock = create__PASCAL__ProviderMock(engine);
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
