import { type UsageType, usageTypes } from '@org/connector-core';
import { assert, expect } from 'vitest';
import { addressOf } from '../assertions.js';
import { type CaseContext, defineCases } from '../conformance-case.js';
import {
  displayNameOf,
  expectNothingSensitiveInHeaders,
  expectOnlyRecipient,
  onlyEmail,
} from '../delivered-checks.js';
import type { Sensitive } from '../leak-forms.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import { conformancePayload, defaultTemplateFor, expectedSubject } from '../templates.js';
import type { ConformanceHarness, ConformanceOptions } from '../types.js';

/** The display name the config gives the From mailbox (`Conformance <noreply@…>`), if any. */
function configuredFromName(harness: ConformanceHarness): string | undefined {
  const from = addressOf(harness.fromAddress);
  for (const value of Object.values(harness.validConfig as Record<string, unknown>)) {
    if (typeof value === 'string' && value.includes('<') && addressOf(value) === from) {
      return displayNameOf(value);
    }
  }
  return undefined;
}

function sensitiveOf(harness: ConformanceHarness, code: string): Sensitive[] {
  return [
    ...harness.secrets.map((value, i) => ({ label: `secrets[${i}]`, value })),
    { label: 'the verification code', value: code },
  ];
}

function sendsUsageType(usageType: UsageType) {
  const template = defaultTemplateFor(usageType);
  const fallback = template.usageType !== usageType ? ' (falls back to Generic)' : '';
  return {
    name: `${usageType}${fallback}: one email to the recipient with the code, subject and From`,
    async run({ connector, harness, mock }: CaseContext) {
      const created = await connector();
      const code = newCode();
      const to = recipient(usageType);
      const payload = conformancePayload(code);
      const result = await created.sendMessage({ to, type: usageType, payload });

      const email = onlyEmail(mock.sent(), usageType);
      expectOnlyRecipient(email, to, usageType);
      expectNothingSensitiveInHeaders(email, sensitiveOf(harness, code), usageType);
      expect(email.subject, 'the rendered subject').toBe(expectedSubject(template, payload));
      expect(email.text, 'the text part carries the code').toContain(code);
      if (template.contentType === 'text/plain') {
        expect(email.html, 'a plain-text template sends no HTML part').toBeUndefined();
      } else {
        expect(email.html, 'the HTML part carries the code').toContain(code);
        expect(email.html, 'no placeholder is left in the HTML').not.toContain('{{');
      }
      expect(email.text, 'no placeholder is left in the text').not.toContain('{{');
      expect(addressOf(email.from), 'From is the configured address').toBe(
        addressOf(harness.fromAddress),
      );
      expect(result.messageId, 'SendResult.messageId is the delivered message id').toBe(
        email.messageId,
      );
      expect(result.provider, 'SendResult.provider is metadata.provider').toBe(
        created.metadata.provider,
      );
      expect(result.attempts, 'SendResult.attempts without faults').toBe(1);
      expect(mock.requestCount(), 'provider requests for one send').toBe(1);
    },
  };
}

export const sendingCases = defineCases('sending', [
  ...usageTypes.map(sendsUsageType),
  {
    name: 'a recipient with a display name is delivered to its address',
    async run({ connector, mock }) {
      const to = recipient('named');
      await (await connector()).sendMessage({
        to: `"Ada Lovelace" <${to}>`,
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      expectOnlyRecipient(onlyEmail(mock.sent(), 'named recipient'), to, 'named recipient');
    },
  },
  {
    name: 'an internationalized recipient domain is delivered as punycode',
    async run({ connector, mock }) {
      await (await connector()).sendMessage({
        to: 'Juergen.Mueller+Shop@bücher.example',
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      const email = onlyEmail(mock.sent(), 'IDN recipient');
      const [address] = email.to.map(addressOf);
      expect(address, 'the domain part in punycode').toMatch(/@xn--bcher-kva\.example$/);
      expectOnlyRecipient(email, 'Juergen.Mueller+Shop@xn--bcher-kva.example', 'IDN recipient');
    },
  },
  {
    name: 'recipients arrive exactly: capitals, dots and +tags of the local part are kept',
    rule: 'the email goes to exactly the address given: the local part is case-sensitive and its dots and +tag belong to it',
    lookAt:
      "the transport's recipient mapping (no toLowerCase, no +tag or dot stripping, no normalization)",
    async run({ connector, mock }) {
      const created = await connector();
      const samples = [
        'Ada.Lovelace+Signup@example.com',
        'MiXeD.CaSe@Example.COM',
        'first.last+tag+more@mail.example.org',
        '"O. Brien" <O.Brien+x.y@example.net>',
        'UPPER_case-01@EXAMPLE.com',
      ];
      for (const to of samples) {
        mock.reset();
        await created.sendMessage({ to, type: 'SignIn', payload: conformancePayload(newCode()) });
        expectOnlyRecipient(onlyEmail(mock.sent(), to), to, `the recipient ${to}`);
      }
    },
  },
  {
    name: 'From keeps its display name, and the same From on every send',
    rule: 'every email carries the configured From mailbox, display name included, and no send changes it for the next',
    lookAt:
      "the transport's From mapping (formatMailbox(email.from)) and any code that writes to email.from or the config",
    async run({ connector, harness, mock }) {
      const created = await connector();
      const name = configuredFromName(harness);
      const headers: string[] = [];
      const sends = [
        { to: `"Grace Hopper" <${recipient('from-1')}>`, type: 'SignIn' as const },
        { to: recipient('from-2'), type: 'Register' as const },
        { to: `Alan Turing <${recipient('from-3')}>`, type: 'ForgotPassword' as const },
      ];
      for (const send of sends) {
        await created.sendMessage({ ...send, payload: conformancePayload(newCode()) });
      }
      for (const [i, email] of mock.sent().entries()) {
        const what = `send #${i + 1}`;
        expect(addressOf(email.from), `${what}: the From address`).toBe(
          addressOf(harness.fromAddress),
        );
        expect(addressOf(email.fromHeader), `${what}: the address in the From header`).toBe(
          addressOf(harness.fromAddress),
        );
        if (name !== undefined) {
          expect(
            displayNameOf(email.fromHeader),
            `${what}: the From display name (configured as "${name}")`,
          ).toBe(name);
        }
        headers.push(email.fromHeader);
      }
      expect(headers, 'three sends delivered').toHaveLength(3);
      expect(
        new Set(headers).size,
        `the From header changed from send to send (${headers.join(' | ')}): the shared From mailbox was mutated`,
      ).toBe(1);
    },
  },
  {
    name: 'configured tags and headers arrive on every email, next to usage_type',
    requires: 'tags',
    rule: 'the tags and headers set in the config reach the provider on every email',
    lookAt: "the transport's mapping of email.tags and email.headers onto the provider request",
    async run({ create, harness, mock }) {
      const { tagsOverrides, headersOverrides } = harness;
      if (tagsOverrides === undefined) {
        return assert.fail(
          'harness.tagsOverrides: the connector declares the tags capability, so add tagsOverrides(tags) to the harness, returning the config overrides that set tags, e.g. (tags) => ({ tags: { ...tags } })',
        );
      }
      const tags = { tenant: 'acme-conformance', campaign: 'Spring_2026' };
      const headers = { 'X-Conformance-Run': 'run-42', 'X-Entity-Ref-ID': 'ref-abc-123' };
      const created = await create({
        ...tagsOverrides(tags),
        ...(headersOverrides ? headersOverrides(headers) : {}),
      });
      for (const type of ['SignIn', 'Register'] as const) {
        await created.sendMessage({
          to: recipient(type),
          type,
          payload: conformancePayload(newCode()),
        });
      }
      const sent = mock.sent();
      expect(sent, 'two delivered emails').toHaveLength(2);
      for (const [i, email] of sent.entries()) {
        const what = `send #${i + 1}`;
        expect(email.tags, `${what}: tags`).toEqual({
          ...tags,
          usage_type: i === 0 ? 'SignIn' : 'Register',
        });
        if (!headersOverrides) continue;
        const lower = (record: Record<string, string>) =>
          Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
        const got = lower(email.headers);
        const raw = lower(
          Object.fromEntries((email.rawHeaders ?? []).map(({ name, value }) => [name, value])),
        );
        for (const [header, value] of Object.entries(headers)) {
          expect(got[header.toLowerCase()], `${what}: header ${header}`).toBe(value);
          expect(raw[header.toLowerCase()], `${what}: raw header ${header} on the wire`).toBe(
            value,
          );
        }
      }
    },
  },
  {
    name: 'testSend delivers the Generic template with a six-digit code',
    async run({ connector, mock }) {
      const to = recipient('test-send');
      const result = await (await connector()).testSend(to);
      const email = onlyEmail(mock.sent(), 'testSend');
      expectOnlyRecipient(email, to, 'testSend');
      const code = /\b\d{6}\b/.exec(email.text)?.[0];
      expect(code, 'a six-digit code in the text').toBeDefined();
      expect(email.subject).toBe(expectedSubject(defaultTemplateFor('Generic'), { code }));
      expect(result.messageId).toBe(email.messageId);
    },
  },
  {
    name: 'every email carries its usage type as the usage_type tag',
    requires: 'tags',
    async run({ connector, mock }) {
      const created = await connector();
      for (const type of ['SignIn', 'BindMfa'] as const) {
        await created.sendMessage({
          to: recipient(type),
          type,
          payload: conformancePayload(newCode()),
        });
      }
      expect(
        mock.sent().map((email) => email.tags.usage_type),
        'tags.usage_type',
      ).toEqual(['SignIn', 'BindMfa']);
    },
  },
  {
    name: 'a connector configured with Reply-To delivers emails that reply to those addresses',
    requires: 'replyTo',
    async run({ create, harness, mock }) {
      const { replyToOverrides } = harness;
      if (replyToOverrides === undefined) {
        return assert.fail(
          'harness.replyToOverrides: the connector declares the replyTo capability, so add replyToOverrides(addresses) to the harness, returning the config overrides that set Reply-To, e.g. (addresses) => ({ replyTo: [...addresses] })',
        );
      }
      const replyTo = ['Conformance Support <support@conformance.example>', 'help@example.com'];
      const created = await create(replyToOverrides(replyTo));
      await created.sendMessage({
        to: recipient('reply-to'),
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      const email = onlyEmail(mock.sent(), 'Reply-To');
      expect(email.fromHeader, 'Reply-To does not replace From').toContain(
        addressOf(harness.fromAddress),
      );
      expect(email.replyTo.map(addressOf), 'Reply-To: the configured addresses, in order').toEqual(
        replyTo.map(addressOf),
      );
    },
  },
  {
    name: 'sends with the same idempotency key deliver once and return the first result',
    async run({ connector, mock }) {
      const created = await connector();
      const input = {
        to: recipient('idempotent'),
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      } as const;
      const first = await created.sendMessage(input, { idempotencyKey: 'conformance-key-1' });
      const second = await created.sendMessage(input, { idempotencyKey: 'conformance-key-1' });
      expect(second.messageId, 'the second send returns the first message id').toBe(
        first.messageId,
      );
      expect(mock.sent(), 'delivered once').toHaveLength(1);
      await created.sendMessage(input, { idempotencyKey: 'conformance-key-2' });
      expect(mock.sent(), 'a different key sends again').toHaveLength(2);
    },
  },
]);

/** Sending: every usage type delivers one correct email; results match the delivery. */
export function sendingConformance(options: ConformanceOptions): void {
  registerGroup('sending', sendingCases, options);
}
