/**
 * __TITLE__'s error answer. TODO: its real error body and status codes, from its API reference
 * (the connector's src/__NAME__-api-error.ts reads the same shape); a table of its error names
 * with their status and message, as @org/mock-resend's src/errors.ts, keeps them in one place.
 */
export function __CAMEL__Error(
  status: number,
  name: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ name, message }, { status, headers });
}
