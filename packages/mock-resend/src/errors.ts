/**
 * Every error `name` of Resend's API reference (https://resend.com/docs/api-reference/errors),
 * with the status and message Resend answers it with. The body is always
 * `{ statusCode, message, name }`.
 */
export const resendErrors = {
  invalid_idempotency_key: { status: 400, message: 'The key must be between 1-256 chars.' },
  validation_error: {
    status: 400,
    message: 'We found an error with one or more fields in the request.',
  },
  missing_api_key: { status: 401, message: 'Missing API key in the authorization header.' },
  restricted_api_key: { status: 401, message: 'This API key is restricted to only send emails.' },
  invalid_api_key: { status: 403, message: 'API key is invalid.' },
  not_found: { status: 404, message: 'The requested endpoint does not exist.' },
  method_not_allowed: { status: 405, message: 'Method is not allowed for the requested path.' },
  invalid_idempotent_request: {
    status: 409,
    message: 'Same idempotency key used with a different request payload.',
  },
  concurrent_idempotent_requests: {
    status: 409,
    message: 'Same idempotency key used while original request is still in progress.',
  },
  invalid_attachment: {
    status: 422,
    message: 'Attachment must have either a `content` or `path`.',
  },
  invalid_from_address: {
    status: 422,
    message:
      'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
  },
  invalid_access: { status: 422, message: 'Access must be "full_access" | "sending_access".' },
  invalid_parameter: { status: 422, message: 'The parameter must be a valid UUID.' },
  invalid_region: {
    status: 422,
    message: 'Region must be "us-east-1" | "eu-west-1" | "sa-east-1" | "ap-northeast-1".',
  },
  missing_required_field: {
    status: 422,
    message: 'The request body is missing one or more required fields.',
  },
  monthly_quota_exceeded: {
    status: 429,
    message: 'You have reached your monthly email sending quota.',
  },
  daily_quota_exceeded: {
    status: 429,
    message: 'You have reached your daily email sending quota.',
  },
  rate_limit_exceeded: {
    status: 429,
    message: 'Too many requests. Please limit the number of requests per second.',
  },
  security_error: {
    status: 451,
    message: 'We may have found a security issue with the request.',
  },
  application_error: { status: 500, message: 'An unexpected error occurred.' },
  internal_server_error: { status: 500, message: 'An unexpected error occurred.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ResendErrorName = keyof typeof resendErrors;

export const resendErrorNames = Object.keys(resendErrors) as ResendErrorName[];

/** A Resend error answer; `status` and `message` default to the reference's. */
export function resendError(
  name: ResendErrorName,
  options: { status?: number; message?: string; headers?: HeadersInit } = {},
): Response {
  const status = options.status ?? resendErrors[name].status;
  return Response.json(
    { statusCode: status, message: options.message ?? resendErrors[name].message, name },
    { status, ...(options.headers === undefined ? {} : { headers: options.headers }) },
  );
}
