import { parseTemplateData } from '../compose-content.js';
import type { JsonObject } from '../json-fields.js';
import { optionalObject, optionalString, tagList } from '../json-fields.js';
import { renderTemplate } from '../render-template.js';
import { badRequest, missingMember, notFound, SesError } from '../ses-error.js';
import type { EngineState } from '../state.js';
import type { StoredTemplate } from '../template-store.js';
import { renderContentMime } from '../to-eml.js';
import type { Operation } from './operation.js';
import { paginate } from './paginate.js';

function readContent(body: JsonObject): Pick<StoredTemplate, 'subject' | 'html' | 'text'> {
  const content = optionalObject(body, 'TemplateContent', 'templateContent');
  if (!content) throw missingMember('templateContent');
  const subject = optionalString(content, 'Subject', 'templateContent.subject');
  const html = optionalString(content, 'Html', 'templateContent.html');
  const text = optionalString(content, 'Text', 'templateContent.text');
  return {
    ...(subject !== undefined ? { subject } : {}),
    ...(html !== undefined ? { html } : {}),
    ...(text !== undefined ? { text } : {}),
  };
}

function existing(state: EngineState, name: string): StoredTemplate {
  const template = state.templates.get(name);
  if (!template) throw notFound(`Template ${name} does not exist.`);
  return template;
}

/** POST /v2/email/templates */
export const createEmailTemplate: Operation = ({ state, body }) => {
  const name = optionalString(body, 'TemplateName', 'templateName');
  if (name === undefined) throw missingMember('templateName');
  if (state.templates.get(name))
    throw SesError.of('AlreadyExistsException', `Template ${name} already exists.`);
  state.templates.set({ name, ...readContent(body), createdAt: state.now(), tags: tagList(body) });
  return {};
};

/** GET /v2/email/templates/{TemplateName} */
export const getEmailTemplate: Operation = ({ state, params }) => {
  const template = existing(state, params.TemplateName as string);
  return {
    TemplateName: template.name,
    TemplateContent: {
      ...(template.subject !== undefined ? { Subject: template.subject } : {}),
      ...(template.text !== undefined ? { Text: template.text } : {}),
      ...(template.html !== undefined ? { Html: template.html } : {}),
    },
    Tags: template.tags,
  };
};

/** PUT /v2/email/templates/{TemplateName} */
export const updateEmailTemplate: Operation = ({ state, params, body }) => {
  const template = existing(state, params.TemplateName as string);
  state.templates.set({
    name: template.name,
    createdAt: template.createdAt,
    tags: template.tags,
    ...readContent(body),
  });
  return {};
};

/** DELETE /v2/email/templates/{TemplateName} */
export const deleteEmailTemplate: Operation = ({ state, params }) => {
  state.templates.delete(existing(state, params.TemplateName as string).name);
  return {};
};

/** GET /v2/email/templates (CreatedTimestamp in epoch seconds, restJson1's default). */
export const listEmailTemplates: Operation = ({ state, body, query }) => {
  const { page, nextToken } = paginate(state.templates.list(), body, query);
  return {
    TemplatesMetadata: page.map((t) => ({
      TemplateName: t.name,
      CreatedTimestamp: t.createdAt / 1000,
    })),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
};

/** POST /v2/email/templates/{TemplateName}/render → `{ RenderedTemplate: "<MIME>" }` */
export const testRenderEmailTemplate: Operation = ({ state, params, body }) => {
  const template = existing(state, params.TemplateName as string);
  const json = optionalString(body, 'TemplateData', 'templateData');
  if (json === undefined) throw missingMember('templateData');
  const data = parseTemplateData(json, 'TemplateData');
  const render = (source: string | undefined) => {
    if (source === undefined) return undefined;
    const result = renderTemplate(source, data);
    const [missing] = result.missing;
    if (missing !== undefined)
      throw badRequest(`Attribute '${missing}' is not present in the rendering data.`);
    return result.output;
  };
  const subject = render(template.subject) ?? '';
  const html = render(template.html);
  const text = render(template.text);
  return {
    RenderedTemplate: renderContentMime({
      subject,
      ...(html !== undefined ? { html } : {}),
      ...(text !== undefined ? { text } : {}),
      date: new Date(state.now()),
    }),
  };
};
