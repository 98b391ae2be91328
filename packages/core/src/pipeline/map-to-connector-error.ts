import { ConnectorError } from '../connector-error.js';
import { scrubError } from './scrub-error.js';

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}

/**
 * Anything a send or check threw, as a `ConnectorError` of this provider with no secret left in
 * it (message, hint, stack, cause chain). An unknown error becomes `general`, kept as `cause`.
 * A `ConnectorError` (from a transport, or another copy of this package) is filled in and
 * scrubbed in place, so its stack and identity survive.
 */
export function toConnectorError(
  error: unknown,
  provider: string,
  secrets: readonly string[],
): ConnectorError {
  const result = ConnectorError.isInstance(error)
    ? error
    : new ConnectorError(
        'general',
        `The ${provider} provider call failed unexpectedly: ${describeError(error)}`,
        { provider, cause: error },
      );
  if (!result.provider) {
    try {
      (result as { provider?: string }).provider = provider;
    } catch {
      // A frozen error keeps what it has.
    }
  }
  return scrubError(result, secrets);
}

/** The `aborted` error of a send: the caller's signal fired, or the connector was closed. */
export function abortedError(
  provider: string,
  callerSignal: AbortSignal | undefined,
): ConnectorError {
  return callerSignal?.aborted
    ? new ConnectorError('aborted', 'The send was aborted: the caller’s AbortSignal fired.', {
        provider,
        cause: callerSignal.reason,
      })
    : new ConnectorError(
        'aborted',
        `The send was aborted because the ${provider} connector was closed while it was in flight.`,
        { provider },
      );
}
