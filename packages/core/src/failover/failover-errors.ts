import { ConnectorError } from '../connector-error.js';

/** One member's failed try within a failover send. */
export interface Tried {
  index: number;
  error: ConnectorError;
}

// Codes raised before any provider call: they count no attempt when a connector omits one.
const noCallCodes = new Set([
  'invalid_config',
  'invalid_request_parameters',
  'template_not_found',
  'aborted',
]);

/** Provider calls a failed send made (a connector may omit `attempts`). */
export function callsOf(error: ConnectorError): number {
  return error.attempts ?? (noCallCodes.has(error.code) ? 0 : 1);
}

/** Whatever a member threw, as a ConnectorError (a member that is not ours may throw anything). */
export function asConnectorError(error: unknown, provider: string): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ConnectorError('general', `The connector failed unexpectedly: ${text.slice(0, 300)}`, {
    provider,
    cause: error,
  });
}

/**
 * The error of a failover send that no member took: the last member's code, hint and ids, a
 * message naming every member tried, and the provider calls of all of them.
 */
export function combinedError(
  tried: readonly Tried[],
  provider: string,
  providerOf: (index: number) => string,
): ConnectorError {
  const last = tried.at(-1) as Tried;
  const lastName = providerOf(last.index);
  const before = tried
    .slice(0, -1)
    .map((t) => `${providerOf(t.index)} (${t.error.code})`)
    .join(', then ');
  const calls = tried.reduce((sum, t) => sum + callsOf(t.error), 0);
  const { error } = last;
  return new ConnectorError(
    error.code,
    before === ''
      ? `${lastName}: ${error.message}`
      : `Every connector tried failed: ${before}, then ${lastName}: ${error.message}`,
    {
      provider,
      retryable: error.retryable,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      ...(calls === 0 ? {} : { attempts: calls }),
      cause: error,
    },
  );
}
