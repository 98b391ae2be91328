import { type JsonObject, nameValueList } from './json-fields.js';
import { badRequest } from './ses-error.js';

/** SES's MessageHeader constraints (API reference, MessageHeader): what reaches the MIME head. */
export const MAX_MESSAGE_HEADERS = 15;
const HEADER_NAME = /^[!-9;-@A-~]+$/;
const HEADER_NAME_MAX = 126;
const PRINTABLE = /^[ -~]*$/;
const HEADER_VALUE_MAX = 870;
/** Attachment ContentType and ContentId: 1..78 characters, and SES builds them into headers. */
const ATTACHMENT_FIELD_MAX = 78;
const DISPOSITIONS = ['ATTACHMENT', 'INLINE'] as const;
const TRANSFER_ENCODINGS = ['BASE64', 'QUOTED_PRINTABLE', 'SEVEN_BIT'] as const;

/** AWS's wording for a member that breaks its model constraint. */
const violation = (value: string, path: string, constraint: string) =>
  badRequest(
    `1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: Member must ${constraint}`,
  );

/**
 * `Headers` / `ReplacementHeaders`, checked as SES checks them: a name of printable ASCII
 * without colon (1..126), a value of printable ASCII (1..870), at most 15. Anything else (CR/LF
 * above all) would let a caller write its own header lines into the message.
 */
export function readMessageHeaders(
  obj: JsonObject | undefined,
  key: string,
  path: string,
): { name: string; value: string }[] {
  const headers = nameValueList(obj, key, path);
  if (headers.length > MAX_MESSAGE_HEADERS) {
    throw badRequest(
      `1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${MAX_MESSAGE_HEADERS}`,
    );
  }
  headers.forEach(({ name, value }, i) => {
    const at = `${path}.${i + 1}.member`;
    if (name.length > HEADER_NAME_MAX) {
      throw violation(name, `${at}.name`, `have length less than or equal to ${HEADER_NAME_MAX}`);
    }
    if (!HEADER_NAME.test(name)) {
      throw violation(name, `${at}.name`, 'satisfy regular expression pattern: ^[!-9;-@A-~]+$');
    }
    if (value.length < 1 || value.length > HEADER_VALUE_MAX) {
      throw violation(
        value,
        `${at}.value`,
        value.length < 1
          ? 'have length greater than or equal to 1'
          : `have length less than or equal to ${HEADER_VALUE_MAX}`,
      );
    }
    if (!PRINTABLE.test(value)) {
      throw violation(value, `${at}.value`, 'satisfy regular expression pattern: [ -~]*');
    }
  });
  return headers;
}

/** An attachment's ContentType or ContentId: 1..78 printable ASCII characters. */
export function assertAttachmentHeaderField(value: string | undefined, path: string): void {
  if (value === undefined) return;
  if (value.length < 1 || value.length > ATTACHMENT_FIELD_MAX) {
    throw violation(
      value,
      path,
      value.length < 1
        ? 'have length greater than or equal to 1'
        : `have length less than or equal to ${ATTACHMENT_FIELD_MAX}`,
    );
  }
  if (!PRINTABLE.test(value)) {
    throw violation(value, path, 'satisfy regular expression pattern: [ -~]*');
  }
}

function assertEnum(value: string | undefined, path: string, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw violation(value, path, `satisfy enum value set: [${allowed.join(', ')}]`);
  }
}

export const assertDisposition = (value: string | undefined, path: string) =>
  assertEnum(value, path, DISPOSITIONS);

export const assertTransferEncoding = (value: string | undefined, path: string) =>
  assertEnum(value, path, TRANSFER_ENCODINGS);
