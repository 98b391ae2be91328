import type { OutboxMessage } from '../types.js';
import { addressOf } from './address.js';
import type { ComposedContent } from './compose-content.js';
import {
  type JsonObject,
  nameValueList,
  optionalObject,
  optionalString,
  stringList,
} from './json-fields.js';
import {
  accountBlock,
  assertMessageSize,
  assertRecipientCount,
  assertValidAddresses,
  identityBlock,
  quotaBlock,
} from './send-checks.js';
import { badRequest, missingMember, type SesError } from './ses-error.js';
import type { EngineState } from './state.js';

/** The sender-side fields shared by SendEmail and SendBulkEmail. */
export interface SenderFields {
  from?: string;
  fromEmailAddressIdentityArn?: string;
  replyTo?: string[];
  feedbackForwardingEmailAddress?: string;
  feedbackForwardingEmailAddressIdentityArn?: string;
  configurationSetName?: string;
}

export function readSenderFields(body: JsonObject): SenderFields {
  const from = optionalString(body, 'FromEmailAddress', 'fromEmailAddress');
  const fromArn = optionalString(
    body,
    'FromEmailAddressIdentityArn',
    'fromEmailAddressIdentityArn',
  );
  const feedback = optionalString(
    body,
    'FeedbackForwardingEmailAddress',
    'feedbackForwardingEmailAddress',
  );
  const feedbackArn = optionalString(
    body,
    'FeedbackForwardingEmailAddressIdentityArn',
    'feedbackForwardingEmailAddressIdentityArn',
  );
  const configurationSetName = optionalString(body, 'ConfigurationSetName', 'configurationSetName');
  return {
    ...(from !== undefined ? { from } : {}),
    ...(fromArn !== undefined ? { fromEmailAddressIdentityArn: fromArn } : {}),
    ...(body.ReplyToAddresses != null
      ? { replyTo: stringList(body, 'ReplyToAddresses', 'replyToAddresses') }
      : {}),
    ...(feedback !== undefined ? { feedbackForwardingEmailAddress: feedback } : {}),
    ...(feedbackArn !== undefined
      ? { feedbackForwardingEmailAddressIdentityArn: feedbackArn }
      : {}),
    ...(configurationSetName !== undefined ? { configurationSetName } : {}),
  };
}

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

/** `Destination`, or for Raw sends without one, the MIME's own To/Cc/Bcc. */
export function readDestination(
  destination: JsonObject | undefined,
  content: ComposedContent,
  path = 'destination',
): Recipients {
  if (!destination) {
    if (content.mime) return { to: content.mime.to, cc: content.mime.cc, bcc: content.mime.bcc };
    throw missingMember(path);
  }
  return {
    to: stringList(destination, 'ToAddresses', `${path}.toAddresses`),
    cc: stringList(destination, 'CcAddresses', `${path}.ccAddresses`),
    bcc: stringList(destination, 'BccAddresses', `${path}.bccAddresses`),
  };
}

export interface PreparedMessage {
  sender: SenderFields & { from: string; replyTo: string[] };
  recipients: Recipients;
  content: ComposedContent;
  tags: Record<string, string>;
  listManagementOptions?: OutboxMessage['listManagementOptions'];
}

/** Validation SES does on the request itself (400s), before any account state is consulted. */
export function validateMessage(
  sender: SenderFields,
  recipients: Recipients,
  content: ComposedContent,
): PreparedMessage['sender'] {
  const from = sender.from ?? content.mime?.from;
  if (from === undefined) {
    if (content.contentKind === 'Raw') throw badRequest("Missing required header 'From'.");
    throw missingMember('fromEmailAddress');
  }
  const replyTo = sender.replyTo ?? content.mime?.replyTo ?? [];
  assertValidAddresses([from, ...recipients.to, ...recipients.cc, ...recipients.bcc, ...replyTo]);
  if (sender.feedbackForwardingEmailAddress !== undefined) {
    assertValidAddresses([sender.feedbackForwardingEmailAddress]);
  }
  assertRecipientCount(recipients.to.length + recipients.cc.length + recipients.bcc.length);
  assertMessageSize(content.size);
  return { ...sender, from, replyTo };
}

/** Account, identity and quota checks, in the order SES reports them. */
export function sendBlock(
  state: EngineState,
  message: Omit<PreparedMessage, 'tags'>,
): SesError | undefined {
  const all = [...message.recipients.to, ...message.recipients.cc, ...message.recipients.bcc];
  return (
    accountBlock(state, message.sender.configurationSetName) ??
    identityBlock(state, message.sender.from, all) ??
    quotaBlock(state, all.length)
  );
}

export function readTags(body: JsonObject, key: string, path: string): Record<string, string> {
  return Object.fromEntries(nameValueList(body, key, path).map((t) => [t.name, t.value]));
}

export function readListManagement(body: JsonObject): OutboxMessage['listManagementOptions'] {
  const options = optionalObject(body, 'ListManagementOptions', 'listManagementOptions');
  if (!options) return undefined;
  const contactListName = optionalString(
    options,
    'ContactListName',
    'listManagementOptions.contactListName',
  );
  if (contactListName === undefined) throw missingMember('listManagementOptions.contactListName');
  const topicName = optionalString(options, 'TopicName', 'listManagementOptions.topicName');
  return { contactListName, ...(topicName !== undefined ? { topicName } : {}) };
}

export function storeMessage(
  state: EngineState,
  requestId: string,
  operation: OutboxMessage['operation'],
  message: PreparedMessage,
): OutboxMessage {
  const now = state.now();
  const { sender, recipients, content } = message;
  const stored: OutboxMessage = {
    messageId: state.ids.messageId(now),
    requestId,
    timestamp: new Date(now).toISOString(),
    region: state.region,
    operation,
    contentKind: content.contentKind,
    from: sender.from,
    fromAddress: addressOf(sender.from),
    to: recipients.to,
    cc: recipients.cc,
    bcc: recipients.bcc,
    replyTo: sender.replyTo,
    subject: content.subject,
    ...(content.html !== undefined ? { html: content.html } : {}),
    ...(content.text !== undefined ? { text: content.text } : {}),
    headers: content.headers,
    tags: message.tags,
    ...(sender.configurationSetName !== undefined
      ? { configurationSetName: sender.configurationSetName }
      : {}),
    ...(sender.feedbackForwardingEmailAddress !== undefined
      ? { feedbackForwardingEmailAddress: sender.feedbackForwardingEmailAddress }
      : {}),
    ...(sender.fromEmailAddressIdentityArn !== undefined
      ? { fromEmailAddressIdentityArn: sender.fromEmailAddressIdentityArn }
      : {}),
    ...(sender.feedbackForwardingEmailAddressIdentityArn !== undefined
      ? {
          feedbackForwardingEmailAddressIdentityArn:
            sender.feedbackForwardingEmailAddressIdentityArn,
        }
      : {}),
    ...(content.templateName !== undefined ? { templateName: content.templateName } : {}),
    ...(content.templateData !== undefined ? { templateData: content.templateData } : {}),
    attachments: content.attachments,
    ...(message.listManagementOptions
      ? { listManagementOptions: message.listManagementOptions }
      : {}),
    ...(content.raw !== undefined ? { raw: content.raw } : {}),
  };
  state.outbox.add(stored);
  return stored;
}
