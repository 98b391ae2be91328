import {
  type ComposedContent,
  composeRaw,
  composeSimple,
  composeTemplate,
} from '../compose-content.js';
import {
  readDestination,
  readListManagement,
  readSenderFields,
  readTags,
  sendBlock,
  storeMessage,
  validateMessage,
} from '../envelope.js';
import { isObject, optionalObject } from '../json-fields.js';
import { assertConfigurationSetExists } from '../send-checks.js';
import { badRequest, missingMember } from '../ses-error.js';
import type { Operation } from './operation.js';

const CONTENT_KINDS = ['Simple', 'Raw', 'Template'] as const;

/** POST /v2/email/outbound-emails */
export const sendEmail: Operation = async ({ state, body, requestId }) => {
  const content = optionalObject(body, 'Content', 'content');
  if (!content) throw missingMember('content');
  const kinds = CONTENT_KINDS.filter((k) => content[k] !== undefined && content[k] !== null);
  if (kinds.length !== 1) {
    throw badRequest(
      `Exactly one of Simple, Raw or Template must be specified in Content; got ${kinds.length ? kinds.join(', ') : 'none'}.`,
    );
  }
  const kind = kinds[0] as (typeof CONTENT_KINDS)[number];
  const part = content[kind];
  if (!isObject(part)) throw badRequest(`Content.${kind} must be a structure.`);

  const sender = readSenderFields(body);
  assertConfigurationSetExists(state, sender.configurationSetName);

  let composed: ComposedContent;
  if (kind === 'Simple') composed = composeSimple(part);
  else if (kind === 'Raw') composed = await composeRaw(part);
  else composed = composeTemplate(part, state.templates);

  const recipients = readDestination(optionalObject(body, 'Destination', 'destination'), composed);
  const validSender = validateMessage(sender, recipients, composed);
  const listManagementOptions = readListManagement(body);
  const prepared = {
    sender: validSender,
    recipients,
    content: composed,
    tags: readTags(body, 'EmailTags', 'emailTags'),
    ...(listManagementOptions ? { listManagementOptions } : {}),
  };
  const blocked = sendBlock(state, prepared);
  if (blocked) throw blocked;
  const stored = storeMessage(state, requestId, 'SendEmail', prepared);
  return { MessageId: stored.messageId };
};
