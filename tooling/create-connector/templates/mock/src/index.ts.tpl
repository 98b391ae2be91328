import type { DeliveredEmail, InjectOptions, ProviderFaultKind, ProviderMock } from '@org/connector-core/testing';

export interface __PASCAL__ProviderMock extends ProviderMock {
  /** Stops intercepting; called by the conformance test after each test. */
  close(): void;
}

function notImplemented(method: string): Error {
  return new Error(
    `Not implemented: fill in src/index.ts of __MOCKPACKAGE__ (${method}). The conformance suite drives the provider through this mock.`,
  );
}

/**
 * A stand-in for the __TITLE__ API that the real transport talks to, seen by the conformance
 * suite through `ProviderMock`. No test may reach the real provider.
 *
 * TODO, typically with msw (`setupServer` from 'msw/node', handlers for the API's routes):
 * - record each accepted send, normalized as a `DeliveredEmail`, and answer with a message id;
 * - count every request that reaches the API (`requestCount`), retries included;
 * - `inject(fault, { times, latencyMs })`: answer the next `times` requests the way __TITLE__
 *   does for that situation (its status code and error body), or delay them for `latency`;
 * - `reset()`: forget sends, requests and pending faults.
 * @org/mock-ses (src/conformance.ts) and the Postbox example in the
 * @org/connector-conformance README show complete ones.
 */
export function create__PASCAL__ProviderMock(): __PASCAL__ProviderMock {
  return {
    sent(): DeliveredEmail[] {
      throw notImplemented('sent');
    },
    requestCount(): number {
      throw notImplemented('requestCount');
    },
    inject(_fault: ProviderFaultKind, _options?: InjectOptions): void {
      throw notImplemented('inject');
    },
    reset(): void {
      throw notImplemented('reset');
    },
    close(): void {},
  };
}
