import { ConnectorError, type ConnectorErrorCode } from '../connector-error.js';

/** The outcome of one rule: what the `ConnectorError` says. */
export interface MappedError {
  code: ConnectorErrorCode;
  message: string;
  hint?: string;
  /** Overrides the code's default, e.g. for an unavailability no retry can fix. */
  retryable?: boolean;
}

/**
 * One row of a provider's error table: when it applies (the first matching row wins), and what
 * it becomes. `Facts` is what the provider read off the error once (name, status, reply, …),
 * `Context` what it knows about the call (operation, region, host, …).
 */
export interface ErrorRule<Facts, Context> {
  when(facts: Facts, context: Context): boolean;
  code: ConnectorErrorCode;
  message(facts: Facts, context: Context): string;
  hint?(facts: Facts, context: Context): string | undefined;
  retryable?: boolean;
}

/** The first matching row's outcome, or the fallback's. */
export function applyErrorTable<Facts, Context>(
  rules: readonly ErrorRule<Facts, Context>[],
  facts: Facts,
  context: Context,
  fallback: Omit<ErrorRule<Facts, Context>, 'when'>,
): MappedError {
  const rule = rules.find((row) => row.when(facts, context)) ?? fallback;
  const hint = rule.hint?.(facts, context);
  return {
    code: rule.code,
    message: rule.message(facts, context),
    ...(hint === undefined ? {} : { hint }),
    ...(rule.retryable === undefined ? {} : { retryable: rule.retryable }),
  };
}

/** What every provider's error context carries. */
export interface BaseErrorContext {
  /** The connector's provider id; the definition's default when absent. */
  provider?: string;
  /** The call's signal: once it fired, any failure is an abort, whatever the SDK called it. */
  signal?: AbortSignal;
}

/** What identifies a failure for support: the provider's code, request id, attempts made. */
export interface ErrorDetails {
  providerCode?: string;
  requestId?: string;
  attempts?: number;
}

export interface ErrorMapperDefinition<Facts, Context extends BaseErrorContext> {
  /** The provider id used when the context names none. */
  provider: string;
  /** Reads what the rules look at off the raw error, once. */
  facts(error: unknown, context: Context): Facts;
  /** The provider's table, most specific row first. */
  rules: readonly ErrorRule<Facts, Context>[];
  /** What an error no row matches becomes (usually `general`, quoting the provider). */
  fallback: Omit<ErrorRule<Facts, Context>, 'when'>;
  /** The message of a failure whose signal had fired. */
  abortedMessage(context: Context): string;
  details?(facts: Facts, error: unknown, context: Context): ErrorDetails;
  /** Runs first on the raw error, e.g. to drop a response stream it holds. */
  prepare?(error: unknown): void;
}

function definedDetails(details: ErrorDetails): ErrorDetails {
  return {
    ...(details.providerCode === undefined ? {} : { providerCode: details.providerCode }),
    ...(details.requestId === undefined ? {} : { requestId: details.requestId }),
    ...(details.attempts === undefined ? {} : { attempts: details.attempts }),
  };
}

/**
 * Builds a provider's `mapXError(error, context)`: a `ConnectorError` passes through; anything
 * else becomes one with the table's code, message and hint, the provider's details, and the
 * original error as `cause`. A fired signal makes it `aborted` before the table is consulted.
 */
export function createErrorMapper<Facts, Context extends BaseErrorContext>(
  definition: ErrorMapperDefinition<Facts, Context>,
): (error: unknown, context: Context) => ConnectorError {
  return (error, context) => {
    if (ConnectorError.isInstance(error)) return error;
    definition.prepare?.(error);
    const facts = definition.facts(error, context);
    const mapped: MappedError = context.signal?.aborted
      ? { code: 'aborted', message: definition.abortedMessage(context) }
      : applyErrorTable(definition.rules, facts, context, definition.fallback);
    return new ConnectorError(mapped.code, mapped.message, {
      provider: context.provider ?? definition.provider,
      ...(mapped.retryable === undefined ? {} : { retryable: mapped.retryable }),
      ...(mapped.hint === undefined ? {} : { hint: mapped.hint }),
      ...definedDetails(definition.details?.(facts, error, context) ?? {}),
      cause: error,
    });
  };
}
