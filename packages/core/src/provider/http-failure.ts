import type { ErrorRule } from './error-table.js';
import { HttpTimeoutError } from './json-http-client.js';
import { networkFailureOf } from './network-errors.js';

/** What an HTTP-API provider's error rules read off a call that got no answer. */
export interface HttpFailureFacts {
  message: string;
  /** Set when the request outlived the JSON client's `timeoutMs`. */
  timeoutMs?: number;
  /** The errno of a failed connection, e.g. `ECONNRESET`. */
  network?: string;
}

/**
 * The facts of a failure without a provider answer: the JSON client's timeout, a network errno
 * anywhere on the cause chain, or else the error's own text (bounded: it may quote a body).
 */
export function httpFailureFacts(error: unknown): HttpFailureFacts {
  if (error instanceof HttpTimeoutError) {
    return { timeoutMs: error.timeoutMs, message: error.message };
  }
  const network = networkFailureOf(error);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ...(network ? { network: network.code } : {}), message: message.slice(0, 300) };
}

export interface HttpFailureRuleOptions {
  /** The provider's display name, e.g. `Resend`. */
  name: string;
  /** What a timed-out send means for this provider (does an idempotency key protect a retry?). */
  timeoutHint: string;
}

/**
 * The first two rows of every HTTP-API provider's error table: a timeout, and a connection
 * that failed (retryable as `provider_unavailable`). The provider's own rows follow them.
 */
export function httpFailureRules<Facts extends HttpFailureFacts, Context>(
  options: HttpFailureRuleOptions,
): ErrorRule<Facts, Context>[] {
  const { name, timeoutHint } = options;
  return [
    {
      when: (facts) => facts.timeoutMs !== undefined,
      code: 'timeout',
      message: (facts) => `${name} did not answer within ${facts.timeoutMs} ms.`,
      hint: () => timeoutHint,
    },
    {
      when: (facts) => facts.network !== undefined,
      code: 'provider_unavailable',
      message: (facts) => `Could not reach ${name} (${facts.network}).`,
      hint: () =>
        `The connection to the ${name} API failed; it is usually transient. Check the network and baseUrl if it persists.`,
    },
  ];
}
