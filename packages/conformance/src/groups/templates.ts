import type { Template, UsageType } from '@org/connector-core';
import { expect } from 'vitest';
import { addressOf, expectNothingSent, expectRejection } from '../assertions.js';
import { type CaseContext, defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import {
  conformancePayload,
  defaultTemplateFor,
  expectedSubject,
  templateFor,
} from '../templates.js';
import type { ConformanceOptions } from '../types.js';

async function sendAndExpect(
  { connector, mock }: CaseContext,
  usageType: UsageType,
  locale: string | undefined,
  expected: Template,
): Promise<void> {
  const code = newCode();
  const payload = conformancePayload(code, locale === undefined ? {} : { locale });
  await (await connector()).sendMessage({ to: recipient(usageType), type: usageType, payload });
  const sent = mock.sent();
  const what = `${usageType} with locale ${locale ?? '(none)'}`;
  expect(sent, `${what}: one email`).toHaveLength(1);
  expect(
    sent[0]!.subject,
    `${what}: the subject of the ${expected.usageType}${expected.locale ? `/${expected.locale}` : ''} template`,
  ).toBe(expectedSubject(expected, payload));
}

// Required types only, each with a locale, so no default template exists for other locales.
const frenchOnlyTemplates: Template[] = (
  ['Register', 'SignIn', 'ForgotPassword', 'Generic'] as const
).map((usageType) => ({
  usageType,
  locale: 'fr',
  subject: `${usageType} (fr) {{code}}`,
  content: '<p>{{code}}</p>',
}));

export const templatesCases = defineCases('templates', [
  {
    name: 'a regional locale falls back to its language template (fr-CA → fr)',
    async run(context) {
      await sendAndExpect(context, 'Register', 'fr-CA', templateFor('Register', 'fr'));
    },
  },
  {
    name: 'a script locale with a region finds the script template (zh-Hant-TW → zh-Hant)',
    async run(context) {
      await sendAndExpect(context, 'SignIn', 'zh-Hant-TW', templateFor('SignIn', 'zh-Hant'));
    },
  },
  {
    name: 'locale matching ignores case (FR → fr)',
    async run(context) {
      await sendAndExpect(context, 'Register', 'FR', templateFor('Register', 'fr'));
    },
  },
  {
    name: 'a locale without templates uses the template without a locale',
    async run(context) {
      await sendAndExpect(context, 'Register', 'de-DE', defaultTemplateFor('Register'));
    },
  },
  {
    name: 'a usage type without a template falls back to Generic',
    async run(context) {
      await sendAndExpect(context, 'BindMfa', undefined, defaultTemplateFor('Generic'));
    },
  },
  {
    name: 'the Generic fallback keeps the locale (BindNewIdentifier, fr → Generic fr)',
    async run(context) {
      await sendAndExpect(context, 'BindNewIdentifier', 'fr', templateFor('Generic', 'fr'));
    },
  },
  {
    name: 'no template for the type, the locale or Generic: template_not_found, nothing sent',
    async run({ create, mock }) {
      const connector = await create({ templates: frenchOnlyTemplates });
      const error = await expectRejection(
        connector.sendMessage({
          to: recipient('not-found'),
          type: 'MfaVerification',
          payload: conformancePayload(newCode(), { locale: 'de' }),
        }),
        'template_not_found',
        'MfaVerification in de with only fr templates',
      );
      expect(error.retryable, 'retryable').toBe(false);
      expect(error.message, 'the message names the usage type').toContain('MfaVerification');
      expectNothingSent(mock, 'template_not_found');
    },
  },
  {
    name: 'a plain-text template sends a text part only, with its line breaks',
    async run({ connector, mock }) {
      const code = newCode();
      await (await connector()).sendMessage({
        to: recipient('plain'),
        type: 'MfaVerification',
        payload: conformancePayload(code),
      });
      const [email] = mock.sent();
      expect(email, 'one email').toBeDefined();
      expect(email!.html, 'no HTML part').toBeUndefined();
      expect(email!.text.replace(/\r\n/g, '\n'), 'the text part').toContain(
        `Your MFA code is ${code}.\nIt expires in 10 minutes.`,
      );
    },
  },
  {
    name: 'variables are HTML-escaped in the HTML part, never in the subject or text',
    async run({ connector, mock }) {
      const name = 'Tom & Jerry <Ltd>';
      const link = 'https://app.example.com/invite?a=1&b="2"';
      const to = recipient('escaping');
      await (await connector()).sendMessage({
        to,
        type: 'OrganizationInvitation',
        payload: conformancePayload(newCode(), { organization: { name }, link }),
      });
      const [email] = mock.sent();
      expect(email?.to.map(addressOf)).toEqual([to]);
      expect(email!.subject, 'the subject is plain text').toBe(`Join ${name}`);
      expect(email!.html, 'the name escaped in HTML').toContain('Tom &amp; Jerry &lt;Ltd&gt;');
      expect(email!.html, 'the raw name never reaches the HTML').not.toContain('<Ltd>');
      expect(email!.html, 'the link escaped in its attribute').toContain(
        'href="https://app.example.com/invite?a=1&amp;b=&quot;2&quot;"',
      );
      expect(email!.text, 'the text part shows the name as typed').toContain(name);
    },
  },
]);

/** Templates: locale fallback, Generic fallback, template_not_found, plain text, escaping. */
export function templatesConformance(options: ConformanceOptions): void {
  registerGroup('templates', templatesCases, options);
}
