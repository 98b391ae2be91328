/** Every way a send or a config can fail, the same for every provider. */
export const connectorErrorCodes = [
  'invalid_config',
  'template_not_found',
  'invalid_request_parameters',
  'rate_limit_exceeded',
  'usage_limit_exceeded',
  'message_rejected',
  'authorization_failed',
  'provider_unavailable',
  'timeout',
  'aborted',
  'general',
] as const;

export type ConnectorErrorCode = (typeof connectorErrorCodes)[number];

const retryableCodes: ReadonlySet<ConnectorErrorCode> = new Set([
  'rate_limit_exceeded',
  'provider_unavailable',
  'timeout',
]);

/** Whether an error of this code may succeed when the same send is tried again later. */
export function isRetryableCode(code: ConnectorErrorCode): boolean {
  return retryableCodes.has(code);
}

export interface ConnectorErrorOptions {
  /** Overrides the code's default retryability (rarely needed). */
  retryable?: boolean;
  /** The provider that raised it, e.g. `aws-ses`. */
  provider?: string;
  /** What the user can do to fix it. */
  hint?: string;
  /** The provider's own error name, e.g. `MessageRejected`. */
  providerCode?: string;
  /** The provider's request id, for support tickets. */
  requestId?: string;
  /** How many attempts the provider call made before giving up. */
  attempts?: number;
  /** The underlying error. */
  cause?: unknown;
}

// Symbol.for so that an error made by a second copy of this package (a duplicate in
// node_modules, or the CJS build beside the ESM one) is still recognised.
const marker = Symbol.for('@org/connector-core/ConnectorError');

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly retryable: boolean;
  readonly provider?: string;
  readonly hint?: string;
  readonly providerCode?: string;
  readonly requestId?: string;
  readonly attempts?: number;

  constructor(code: ConnectorErrorCode, message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.code = code;
    this.retryable = options.retryable ?? isRetryableCode(code);
    if (options.provider !== undefined) this.provider = options.provider;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.providerCode !== undefined) this.providerCode = options.providerCode;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.attempts !== undefined) this.attempts = options.attempts;
    Object.defineProperty(this, marker, { value: true, enumerable: false });
  }

  /** True for a ConnectorError from any copy of this package. */
  static isInstance(value: unknown): value is ConnectorError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[marker] === true
    );
  }

  /** A plain, loggable shape: never includes the cause's own payload. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      provider: this.provider,
      hint: this.hint,
      providerCode: this.providerCode,
      requestId: this.requestId,
      attempts: this.attempts,
    };
  }
}
