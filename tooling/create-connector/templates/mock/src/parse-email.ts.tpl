import type { __PASCAL__OutboxMessage } from './types.js';

/** A send request __TITLE__ refuses: the error it answers. */
export interface EmailProblem {
  status: number;
  name: string;
  message: string;
}

export type ParsedEmail = Omit<__PASCAL__OutboxMessage, 'id' | 'createdAt'>;

export function isProblem(value: ParsedEmail | EmailProblem): value is EmailProblem {
  return 'name' in value && 'status' in value;
}

/**
 * Validates one send request body the way __TITLE__ does, field by field, and reads it into
 * an outbox message. TODO: __TITLE__'s field names and rules (required fields, recipient
 * limits, tag rules), each refusal with its status, error name and message.
 * `parseMailbox` from @org/connector-core reads a mailbox; keep local parts as sent.
 */
export function parseEmail(body: unknown): ParsedEmail | EmailProblem {
  throw new Error(
    `Not implemented: fill in src/parse-email.ts of __MOCKPACKAGE__ (parseEmail) to read ${body === undefined ? 'no' : 'the'} request body.`,
  );
}
