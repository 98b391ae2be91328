import { type UsageType, usageTypes } from '@org/connector-core';
import type { DeliveredEmail } from '@org/connector-core/testing';
import { assert, expect } from 'vitest';
import { addressOf } from '../assertions.js';
import { type CaseContext, defineCases } from '../conformance-case.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import { conformancePayload, defaultTemplateFor, expectedSubject } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

function onlyEmail(sent: DeliveredEmail[], what: string): DeliveredEmail {
  expect(sent, `${what}: exactly one delivered email`).toHaveLength(1);
  return sent[0]!;
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
      expect(email.to.map(addressOf), 'To').toEqual([to]);
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
      expect(onlyEmail(mock.sent(), 'named recipient').to.map(addressOf)).toEqual([to]);
    },
  },
  {
    name: 'an internationalized recipient domain is delivered as punycode',
    async run({ connector, mock }) {
      await (await connector()).sendMessage({
        to: 'juergen@bücher.example',
        type: 'SignIn',
        payload: conformancePayload(newCode()),
      });
      const [address] = onlyEmail(mock.sent(), 'IDN recipient').to.map(addressOf);
      expect(address, 'the domain part in punycode').toMatch(/@xn--bcher-kva\.example$/);
    },
  },
  {
    name: 'testSend delivers the Generic template with a six-digit code',
    async run({ connector, mock }) {
      const to = recipient('test-send');
      const result = await (await connector()).testSend(to);
      const email = onlyEmail(mock.sent(), 'testSend');
      expect(email.to.map(addressOf), 'To').toEqual([to]);
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
