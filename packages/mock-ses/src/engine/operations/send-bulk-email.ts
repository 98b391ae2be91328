import { composeTemplate, parseTemplateData } from '../compose-content.js';
import {
  readDestination,
  readSenderFields,
  readTags,
  sendBlock,
  storeMessage,
  validateMessage,
} from '../envelope.js';
import { isObject, optionalArray, optionalObject, optionalString } from '../json-fields.js';
import { readMessageHeaders } from '../mime-fields.js';
import { assertConfigurationSetExists } from '../send-checks.js';
import { badRequest, missingMember, SesError } from '../ses-error.js';
import type { Operation } from './operation.js';

const MAX_ENTRIES = 50;

type BulkStatus =
  | 'SUCCESS'
  | 'MESSAGE_REJECTED'
  | 'TEMPLATE_NOT_FOUND'
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_THROTTLED'
  | 'ACCOUNT_DAILY_QUOTA_EXCEEDED'
  | 'ACCOUNT_SENDING_PAUSED'
  | 'CONFIGURATION_SET_SENDING_PAUSED'
  | 'INVALID_PARAMETER'
  | 'FAILED';

function statusOf(error: SesError): BulkStatus {
  switch (error.type) {
    case 'MessageRejected':
      return 'MESSAGE_REJECTED';
    case 'NotFoundException':
      return error.message.startsWith('Template') ? 'TEMPLATE_NOT_FOUND' : 'FAILED';
    case 'AccountSuspendedException':
      return 'ACCOUNT_SUSPENDED';
    case 'TooManyRequestsException':
      return 'ACCOUNT_THROTTLED';
    case 'LimitExceededException':
      return 'ACCOUNT_DAILY_QUOTA_EXCEEDED';
    case 'SendingPausedException':
      return error.message.includes('configuration set')
        ? 'CONFIGURATION_SET_SENDING_PAUSED'
        : 'ACCOUNT_SENDING_PAUSED';
    case 'BadRequestException':
      return 'INVALID_PARAMETER';
    default:
      return 'FAILED';
  }
}

/** Shallow merge, as SES merges ReplacementTemplateData over the default TemplateData. */
function mergeData(base: unknown, replacement: unknown): unknown {
  if (isObject(base) && isObject(replacement)) return { ...base, ...replacement };
  return replacement ?? base;
}

/**
 * POST /v2/email/outbound-bulk-emails. Problems of the call itself are error responses;
 * problems of one entry are that entry's Status in a 200 body, as SES does.
 */
export const sendBulkEmail: Operation = ({ state, body, requestId }) => {
  const defaultContent = optionalObject(body, 'DefaultContent', 'defaultContent');
  if (!defaultContent) throw missingMember('defaultContent');
  const template = optionalObject(defaultContent, 'Template', 'defaultContent.template');
  if (!template) throw badRequest('DefaultContent must contain a Template.');
  const entries = optionalArray(body, 'BulkEmailEntries', 'bulkEmailEntries');
  if (!entries) throw missingMember('bulkEmailEntries');
  if (entries.length === 0) throw badRequest('BulkEmailEntries must contain at least one entry.');
  if (entries.length > MAX_ENTRIES)
    throw badRequest(`BulkEmailEntries exceeds ${MAX_ENTRIES} entries.`);

  const sender = readSenderFields(body);
  assertConfigurationSetExists(state, sender.configurationSetName);
  const defaultJson = optionalString(
    template,
    'TemplateData',
    'defaultContent.template.templateData',
  );
  const defaultData = parseTemplateData(defaultJson, 'TemplateData');
  const defaultTags = readTags(body, 'DefaultEmailTags', 'defaultEmailTags');

  const results = entries.map((item, i) => {
    const path = `bulkEmailEntries.${i + 1}.member`;
    try {
      const entry = isObject(item) ? item : {};
      const replacement = optionalObject(
        optionalObject(entry, 'ReplacementEmailContent', `${path}.replacementEmailContent`),
        'ReplacementTemplate',
        `${path}.replacementEmailContent.replacementTemplate`,
      );
      const replacementJson = optionalString(replacement, 'ReplacementTemplateData');
      const data =
        replacementJson === undefined
          ? defaultData
          : mergeData(defaultData, parseTemplateData(replacementJson, 'ReplacementTemplateData'));
      const json = replacementJson === undefined ? defaultJson : JSON.stringify(data);
      const content = composeTemplate(template, state.templates, 'defaultContent.template', {
        json: json ?? '{}',
        data,
      });
      content.headers = [
        ...content.headers,
        ...readMessageHeaders(entry, 'ReplacementHeaders', `${path}.replacementHeaders`),
      ];
      const recipients = readDestination(
        optionalObject(entry, 'Destination', `${path}.destination`),
        content,
        `${path}.destination`,
      );
      const prepared = {
        sender: validateMessage(sender, recipients, content),
        recipients,
        content,
        tags: { ...defaultTags, ...readTags(entry, 'ReplacementTags', `${path}.replacementTags`) },
      };
      const blocked = sendBlock(state, prepared);
      if (blocked) throw blocked;
      return {
        Status: 'SUCCESS',
        MessageId: storeMessage(state, requestId, 'SendBulkEmail', prepared).messageId,
      };
    } catch (error) {
      if (!(error instanceof SesError)) throw error;
      return { Status: statusOf(error), Error: error.message };
    }
  });
  return { BulkEmailEntryResults: results };
};
