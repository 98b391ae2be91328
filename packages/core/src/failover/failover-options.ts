import {
  ConnectorError,
  type ConnectorErrorCode,
  connectorErrorCodes,
} from '../connector-error.js';
import type { ConnectorOptions, SendResult } from '../contract.js';
import type { UsageType } from '../usage-types.js';

/** One connector's try within a failover send, reported through `onAttempt`. */
export interface FailoverAttemptEvent {
  type: 'failover:attempt';
  /** The failover connector's provider id (`metadata.provider`). */
  provider: string;
  usageType: UsageType;
  /** Masked: `j***@example.com`. */
  recipient: string;
  /** Which connector was tried: its position in the list and its own ids. */
  member: { index: number; provider: string; connectorId: string };
  outcome: 'success' | 'error';
  durationMs: number;
  /** Provider calls that connector made (its own retries included). */
  attempts: number;
  messageId?: string;
  errorCode?: ConnectorErrorCode;
  retryable?: boolean;
  /** `failover`: the next connector is tried; `done`: this try ends the send. */
  next: 'failover' | 'done';
}

export interface FailoverOptions extends ConnectorOptions {
  /**
   * `priority` (default): every send starts at the first connector and moves on only on
   * failure. `round-robin`: each send starts at the next connector in turn (load sharing),
   * and still fails over through the others.
   */
  strategy?: 'priority' | 'round-robin';
  /**
   * Error codes that move a send on to the next connector. Default
   * `['rate_limit_exceeded', 'provider_unavailable']`: the provider did not take the message.
   * Add `timeout` only when every connector dedupes by idempotency key (a timed-out request
   * may have been accepted), and `usage_limit_exceeded` or `authorization_failed` to route
   * around a spent quota or a revoked key. Bad input, missing templates and aborts never fail
   * over: another provider would refuse them too, or the caller asked to stop.
   */
  failoverOn?: readonly ConnectorErrorCode[];
  /** Called once per connector tried. Never receives a code, a body or a secret. */
  onAttempt?: (event: FailoverAttemptEvent) => void;
  /** `metadata.provider` of the failover connector (results and errors). Default `failover`. */
  provider?: string;
  /** `metadata.id`. Default `failover-email`. */
  id?: string;
}

/** Where a failover send was delivered: which connector of the list took it. */
export type FailoverSendResult = SendResult & Required<Pick<SendResult, 'sentBy'>>;

export const defaultFailoverOn: readonly ConnectorErrorCode[] = Object.freeze([
  'rate_limit_exceeded',
  'provider_unavailable',
]);

const neverFailoverOn: ReadonlySet<ConnectorErrorCode> = new Set([
  'invalid_config',
  'invalid_request_parameters',
  'template_not_found',
  'aborted',
]);

const tokenPattern = /^[a-z0-9][a-z0-9._-]*$/;

export interface ResolvedFailoverOptions {
  strategy: 'priority' | 'round-robin';
  failoverOn: ReadonlySet<ConnectorErrorCode>;
  provider: string;
  id: string;
}

/** @throws ConnectorError `invalid_config` naming every malformed option. */
export function resolveFailoverOptions(options: FailoverOptions): ResolvedFailoverOptions {
  const problems: string[] = [];
  const strategy = options.strategy ?? 'priority';
  if (strategy !== 'priority' && strategy !== 'round-robin') {
    problems.push(`strategy: must be 'priority' or 'round-robin'`);
  }
  const failoverOn = options.failoverOn ?? defaultFailoverOn;
  for (const code of Array.isArray(failoverOn) ? failoverOn : [failoverOn]) {
    if (!(connectorErrorCodes as readonly string[]).includes(code)) {
      problems.push(`failoverOn: '${String(code).slice(0, 40)}' is not a ConnectorError code`);
    } else if (neverFailoverOn.has(code)) {
      problems.push(
        `failoverOn: '${code}' cannot fail over (another provider would fail the same way, or the caller aborted)`,
      );
    }
  }
  const provider = options.provider ?? 'failover';
  const id = options.id ?? 'failover-email';
  for (const [field, value] of [
    ['provider', provider],
    ['id', id],
  ] as const) {
    if (typeof value !== 'string' || !tokenPattern.test(value)) {
      problems.push(`${field}: must be a lowercase token such as 'failover'`);
    }
  }
  if (problems.length > 0) {
    throw new ConnectorError(
      'invalid_config',
      `Invalid failover connector options:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      { provider, hint: 'See FailoverOptions: strategy, failoverOn, onAttempt, provider, id.' },
    );
  }
  return { strategy, failoverOn: new Set(failoverOn), provider, id };
}
