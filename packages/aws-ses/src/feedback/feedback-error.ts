/** Why the feedback handler refused or could not process an SNS request. */
export const feedbackErrorCodes = [
  'invalid_body',
  'invalid_envelope',
  'unsupported_signature_version',
  'untrusted_url',
  'topic_not_allowed',
  'stale_message',
  'certificate_unavailable',
  'invalid_signature',
  'invalid_ses_event',
  'confirmation_failed',
  'processing_failed',
] as const;

export type FeedbackErrorCode = (typeof feedbackErrorCodes)[number];

/**
 * The HTTP status answered for each code. 4xx: the request is bad or forged and SNS retrying it
 * cannot help; 5xx: a passing failure on our side, so SNS's retry policy delivers it again.
 */
export const feedbackErrorStatus: Readonly<Record<FeedbackErrorCode, number>> = Object.freeze({
  invalid_body: 400,
  invalid_envelope: 400,
  unsupported_signature_version: 403,
  untrusted_url: 403,
  topic_not_allowed: 403,
  stale_message: 403,
  certificate_unavailable: 503,
  invalid_signature: 403,
  invalid_ses_event: 400,
  confirmation_failed: 503,
  processing_failed: 500,
});

const marker = Symbol.for('@org/connector-aws-ses/FeedbackError');

/** A typed refusal of an SNS message. Its message never contains a certificate or a body. */
export class FeedbackError extends Error {
  readonly code: FeedbackErrorCode;
  /** The HTTP status the handler answers with. */
  readonly status: number;

  constructor(code: FeedbackErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FeedbackError';
    this.code = code;
    this.status = feedbackErrorStatus[code];
    Object.defineProperty(this, marker, { value: true, enumerable: false });
  }

  /** True for a FeedbackError from any copy of this package. */
  static isInstance(value: unknown): value is FeedbackError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[marker] === true
    );
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, status: this.status, message: this.message };
  }
}
