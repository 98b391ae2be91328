import type { BaseConnectorConfig, OutgoingEmail } from '../contract.js';
import { parseMailbox } from '../mailbox.js';
import { renderTemplate } from '../render-template.js';
import { selectTemplate } from '../select-template.js';
import type { ResolvedConfig } from './resolve-config.js';
import type { ParsedSendInput } from './send-input.js';

/**
 * The email of one send, from the validated input and the resolved config: recipient parsed,
 * template selected (usage type, then the locale chain, then Generic) and rendered. Pure: it
 * throws a typed `ConnectorError` (`invalid_request_parameters`, `template_not_found`) and
 * touches nothing else, so stages before the transport can be added around it.
 */
export function buildOutgoingEmail(
  input: ParsedSendInput,
  resolved: ResolvedConfig<BaseConnectorConfig>,
): OutgoingEmail {
  const { type, payload } = input;
  const recipient = parseMailbox(input.to, { label: 'recipient "to"' });
  const template = selectTemplate(resolved.config.templates, type, payload.locale);
  const rendered = renderTemplate(template, payload);
  return {
    from: resolved.from,
    to: [recipient],
    replyTo: [...resolved.replyTo],
    subject: rendered.subject,
    ...(rendered.html === undefined ? {} : { html: rendered.html }),
    text: rendered.text,
    headers: { ...resolved.headers },
    tags: { ...resolved.tags, usage_type: type },
    usageType: type,
    ...(template.locale === undefined ? {} : { locale: template.locale }),
  };
}
