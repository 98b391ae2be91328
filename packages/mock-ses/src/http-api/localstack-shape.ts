import type { OutboxMessage } from '../types.js';

/** One message as LocalStack's `GET /_aws/ses` lists it, so tools written for LocalStack read it unchanged. */
export interface LocalStackSesMessage {
  Id: string;
  Region: string;
  Timestamp: string;
  Destination: { ToAddresses: string[]; CcAddresses: string[]; BccAddresses: string[] };
  Source: string;
  Subject: string;
  Body: { text_part: string | null; html_part: string | null };
  /** LocalStack fills it for raw sends only. */
  RawData?: string;
  /** LocalStack fills these for templated sends only. */
  Template?: string;
  TemplateData?: string;
}

export function toLocalStackMessage(message: OutboxMessage): LocalStackSesMessage {
  return {
    Id: message.messageId,
    Region: message.region,
    Timestamp: message.timestamp,
    Destination: { ToAddresses: message.to, CcAddresses: message.cc, BccAddresses: message.bcc },
    Source: message.from,
    Subject: message.subject,
    Body: { text_part: message.text ?? null, html_part: message.html ?? null },
    ...(message.raw === undefined ? {} : { RawData: message.raw }),
    ...(message.templateName === undefined ? {} : { Template: message.templateName }),
    ...(message.templateData === undefined ? {} : { TemplateData: message.templateData }),
  };
}

/** LocalStack compares `email` with the message's Source; we also accept the bare address. */
export function matchesLocalStackFilter(
  message: OutboxMessage,
  filter: { id: string | null; email: string | null },
) {
  if (filter.id && message.messageId !== filter.id) return false;
  if (!filter.email) return true;
  const email = filter.email.toLowerCase();
  return message.from.toLowerCase() === email || message.fromAddress.toLowerCase() === email;
}
