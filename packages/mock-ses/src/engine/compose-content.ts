import PostalMime, { type Address } from 'postal-mime';
import type { OutboxAttachment, OutboxMessage } from '../types.js';
import {
  isObject,
  type JsonObject,
  optionalArray,
  optionalObject,
  optionalString,
} from './json-fields.js';
import {
  assertAttachmentHeaderField,
  assertDisposition,
  assertTransferEncoding,
  readMessageHeaders,
} from './mime-fields.js';
import { renderTemplate } from './render-template.js';
import { badRequest, missingMember, notFound } from './ses-error.js';
import type { TemplateStore } from './template-store.js';

/** The message content normalized from whichever content kind it was sent as. */
export interface ComposedContent {
  contentKind: OutboxMessage['contentKind'];
  subject: string;
  html?: string;
  text?: string;
  headers: { name: string; value: string }[];
  attachments: OutboxAttachment[];
  /** Bytes SES counts against the 40 MB limit. */
  size: number;
  templateName?: string;
  templateData?: string;
  /** Raw only: the MIME source and the addresses its headers carry. */
  raw?: string;
  mime?: { from?: string; to: string[]; cc: string[]; bcc: string[]; replyTo: string[] };
  /** Template only: paths the data did not provide (rendered empty). */
  missingVariables?: string[];
}

const bytes = (s: string | undefined) => (s === undefined ? 0 : Buffer.byteLength(s));

function attachmentsOf(obj: JsonObject, path: string): OutboxAttachment[] {
  return (optionalArray(obj, 'Attachments', `${path}.attachments`) ?? []).map((item, i) => {
    const a = isObject(item) ? item : {};
    const itemPath = `${path}.attachments.${i + 1}.member`;
    const content = optionalString(a, 'RawContent', `${itemPath}.rawContent`);
    const filename = optionalString(a, 'FileName', `${itemPath}.fileName`);
    if (content === undefined) throw missingMember(`${itemPath}.rawContent`);
    if (filename === undefined) throw missingMember(`${itemPath}.fileName`);
    const contentId = optionalString(a, 'ContentId', `${itemPath}.contentId`);
    const disposition = optionalString(a, 'ContentDisposition', `${itemPath}.contentDisposition`);
    const contentType = optionalString(a, 'ContentType', `${itemPath}.contentType`);
    // Each becomes a MIME header line of the message: CR/LF there would inject headers.
    assertAttachmentHeaderField(contentType, `${itemPath}.contentType`);
    assertAttachmentHeaderField(contentId, `${itemPath}.contentId`);
    assertDisposition(disposition, `${itemPath}.contentDisposition`);
    assertTransferEncoding(
      optionalString(a, 'ContentTransferEncoding', `${itemPath}.contentTransferEncoding`),
      `${itemPath}.contentTransferEncoding`,
    );
    return {
      filename,
      contentType: contentType ?? 'application/octet-stream',
      size: Buffer.from(content, 'base64').length,
      content,
      ...(contentId ? { contentId } : {}),
      ...(disposition ? { disposition: disposition.toLowerCase() } : {}),
    };
  });
}

const attachmentBytes = (list: OutboxAttachment[]) => list.reduce((n, a) => n + a.size, 0);

function contentData(obj: JsonObject | undefined, key: string, path: string): string | undefined {
  const content = optionalObject(obj, key, path);
  if (!content) return undefined;
  const data = optionalString(content, 'Data', `${path}.data`);
  if (data === undefined) throw missingMember(`${path}.data`);
  return data;
}

export function composeSimple(simple: JsonObject): ComposedContent {
  const path = 'content.simple';
  if (!isObject(simple.Subject)) throw missingMember(`${path}.subject`);
  if (!isObject(simple.Body)) throw missingMember(`${path}.body`);
  const subject = contentData(simple, 'Subject', `${path}.subject`) as string;
  const html = contentData(simple.Body, 'Html', `${path}.body.html`);
  const text = contentData(simple.Body, 'Text', `${path}.body.text`);
  const attachments = attachmentsOf(simple, path);
  return {
    contentKind: 'Simple',
    subject,
    ...(html !== undefined ? { html } : {}),
    ...(text !== undefined ? { text } : {}),
    headers: readMessageHeaders(simple, 'Headers', `${path}.headers`),
    attachments,
    size: bytes(subject) + bytes(html) + bytes(text) + attachmentBytes(attachments),
  };
}

function formatAddress(address: Address): string[] {
  if (address.group) return address.group.flatMap(formatAddress);
  if (!address.address) return [];
  return [address.name ? `${address.name} <${address.address}>` : address.address];
}

const addresses = (list: Address[] | undefined) => (list ?? []).flatMap(formatAddress);

/** Headers the normalized fields already carry; the rest are kept as `headers`. */
const STRUCTURAL_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

export async function composeRaw(raw: JsonObject): Promise<ComposedContent> {
  const data = optionalString(raw, 'Data', 'content.raw.data');
  if (data === undefined) throw missingMember('content.raw.data');
  const source = Buffer.from(data, 'base64');
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(source, { attachmentEncoding: 'base64' });
  } catch (error) {
    throw badRequest(`Could not parse the raw MIME message: ${(error as Error).message}`);
  }
  const from = email.from ? formatAddress(email.from)[0] : undefined;
  const attachments: OutboxAttachment[] = email.attachments.map((a) => {
    const content =
      typeof a.content === 'string'
        ? a.content
        : Buffer.from(a.content as ArrayBuffer).toString('base64');
    return {
      ...(a.filename ? { filename: a.filename } : {}),
      contentType: a.mimeType,
      size: Buffer.from(content, 'base64').length,
      content,
      ...(a.contentId ? { contentId: a.contentId } : {}),
      ...(a.disposition ? { disposition: a.disposition } : {}),
    };
  });
  return {
    contentKind: 'Raw',
    subject: email.subject ?? '',
    ...(email.html !== undefined ? { html: email.html } : {}),
    ...(email.text !== undefined ? { text: email.text } : {}),
    headers: email.headers
      .filter((h) => !STRUCTURAL_HEADERS.has(h.key))
      .map((h) => ({ name: h.originalKey, value: h.value })),
    attachments,
    size: source.length,
    raw: source.toString('utf8'),
    mime: {
      ...(from ? { from } : {}),
      to: addresses(email.to),
      cc: addresses(email.cc),
      bcc: addresses(email.bcc),
      replyTo: addresses(email.replyTo),
    },
  };
}

/** `arn:aws:ses:us-east-1:123456789012:template/MyTemplate` → `MyTemplate`. */
function templateNameFromArn(arn: string): string {
  const i = arn.lastIndexOf(':template/');
  return i >= 0 ? arn.slice(i + ':template/'.length) : arn;
}

export function parseTemplateData(data: string | undefined, path: string): unknown {
  if (data === undefined) return {};
  try {
    return JSON.parse(data);
  } catch (error) {
    throw badRequest(`Invalid ${path}: not valid JSON (${(error as Error).message}).`);
  }
}

/**
 * Template content, stored (`TemplateName` / `TemplateArn`) or inline (`TemplateContent`),
 * rendered with `TemplateData` (or `dataOverride`, SendBulkEmail's per-entry data).
 */
export function composeTemplate(
  template: JsonObject,
  templates: TemplateStore,
  path = 'content.template',
  dataOverride?: { json: string; data: unknown },
): ComposedContent {
  const name = optionalString(template, 'TemplateName', `${path}.templateName`);
  const arn = optionalString(template, 'TemplateArn', `${path}.templateArn`);
  const inline = optionalObject(template, 'TemplateContent', `${path}.templateContent`);
  const sources = [name, arn, inline].filter((s) => s !== undefined).length;
  if (sources !== 1) {
    throw badRequest(
      'Exactly one of TemplateName, TemplateArn or TemplateContent must be specified.',
    );
  }
  let source: { subject?: string; html?: string; text?: string };
  let templateName: string | undefined;
  if (inline) {
    const subject = optionalString(inline, 'Subject');
    const html = optionalString(inline, 'Html');
    const text = optionalString(inline, 'Text');
    source = {
      ...(subject !== undefined ? { subject } : {}),
      ...(html !== undefined ? { html } : {}),
      ...(text !== undefined ? { text } : {}),
    };
  } else {
    templateName = name ?? templateNameFromArn(arn as string);
    const stored = templates.get(templateName);
    if (!stored) throw notFound(`Template ${templateName} does not exist.`);
    source = stored;
  }
  const templateData =
    dataOverride?.json ?? optionalString(template, 'TemplateData', `${path}.templateData`);
  const data = dataOverride ? dataOverride.data : parseTemplateData(templateData, 'TemplateData');
  const missing: string[] = [];
  const render = (s: string | undefined) => {
    if (s === undefined) return undefined;
    const result = renderTemplate(s, data);
    missing.push(...result.missing);
    return result.output;
  };
  const subject = render(source.subject) ?? '';
  const html = render(source.html);
  const text = render(source.text);
  const attachments = attachmentsOf(template, path);
  return {
    contentKind: 'Template',
    subject,
    ...(html !== undefined ? { html } : {}),
    ...(text !== undefined ? { text } : {}),
    headers: readMessageHeaders(template, 'Headers', `${path}.headers`),
    attachments,
    size: bytes(subject) + bytes(html) + bytes(text) + attachmentBytes(attachments),
    ...(templateName !== undefined ? { templateName } : {}),
    ...(templateData !== undefined ? { templateData } : {}),
    ...(missing.length ? { missingVariables: [...new Set(missing)] } : {}),
  };
}
