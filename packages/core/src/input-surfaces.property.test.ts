import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../test/fixtures.js';
import { hostileString } from '../test/hostile-strings.js';
import { recordingApiKey, recordingConnector } from '../test/recording-connector.js';
import { ConnectorError } from './connector-error.js';
import type { SendMessageInput, SendOptions } from './contract.js';
import { lintTemplates } from './lint-templates.js';
import { renderTemplate } from './render-template.js';
import { templatesSchema } from './template.js';

// Wide in CI, quick on a laptop.
const numRuns = process.env.CI ? 1000 : 150;
const code = '582914';

// Oversized values, built once: each must be refused as a typed error, never processed.
const large = fc.constantFrom(
  `${'ab-'.repeat(25_000)}cd`,
  'x'.repeat(1_100_000),
  `{{${' '.repeat(20_000)}`,
  `${'<div>'.repeat(20_000)}{{code}}`,
  `${'<table><tr><td>'.repeat(3000)}{{code}}`,
  `${'=?UTF-8?B?DQo=?= '.repeat(2000)}`,
  `${'a'.repeat(64)}@${'b.'.repeat(200_000)}com`,
);
const text = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: large },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'ada@example.com',
      'victim@bank.example/attacker',
      'a@0x7f.1',
      'a@[127.0.0.1]',
      '=?UTF-8?B?DQpCY2M6IHhAeS56?=',
      'de-AT',
      'zh_Hant_TW',
      'en-US,en;q=0.9',
      '{{code}}',
    ),
  },
);
const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const payload = fc.oneof(
  fc.record(
    {
      code: fc.oneof(fc.constant(code), value),
      link: value,
      locale: value,
      user: fc.record({ name: value }),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 5 }),
  fc.anything(),
);
const input = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      to: text,
      type: fc.constantFrom('SignIn', 'Generic', 'Register', 'Nope'),
      payload,
    }),
  },
  { weight: 1, arbitrary: fc.anything() },
);
const options = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  fc.record(
    { idempotencyKey: fc.oneof(fc.string(), hostileString, large, fc.anything()) },
    { requiredKeys: [] },
  ),
  fc.constant({ signal: AbortSignal.abort() }),
  fc.constant({ signal: new AbortController().signal }),
  fc.record({ signal: fc.anything() }),
  fc.anything(),
);

/** Whatever failed is a ConnectorError that shows neither the API key nor the code anywhere. */
function expectSafeFailure(error: unknown): void {
  expect(ConnectorError.isInstance(error)).toBe(true);
  const shown = [
    (error as ConnectorError).message,
    (error as ConnectorError).hint ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ].join('\n');
  expect(shown).not.toContain(recordingApiKey);
  expect(shown).not.toContain(code);
  // A refused large input is named, not repeated.
  expect((error as ConnectorError).message.length).toBeLessThan(5000);
}

describe('sendMessage on any input and options', () => {
  it('succeeds or fails with a safe ConnectorError, and what it sends carries no CR/LF', async () => {
    const { connector, wire } = recordingConnector();
    await fc.assert(
      fc.asyncProperty(input, options, async (message, sendOptions) => {
        const before = wire.length;
        try {
          await connector.sendMessage(message as SendMessageInput, sendOptions as SendOptions);
        } catch (error) {
          expectSafeFailure(error);
          expect(wire).toHaveLength(before);
          return;
        }
        const email = wire.at(-1)!;
        expect(email.subject).not.toMatch(/[\r\n]/);
        expect(email.subject).not.toMatch(/=\?[^?\s]+\?[bq]\?[^?\s]*\?=/i);
        expect(email.to[0]!.address).toMatch(/^[!-~]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/);
      }),
      { numRuns },
    );
  });
});

describe('connector config on any input', () => {
  const template = fc.record(
    {
      usageType: fc.constantFrom('Register', 'SignIn', 'ForgotPassword', 'Generic', 'Nope'),
      subject: text,
      content: text,
      locale: text,
      contentType: fc.constantFrom('text/html', 'text/plain', 'text/markdown'),
    },
    { requiredKeys: ['usageType', 'subject', 'content'] },
  );
  const config = fc.oneof(
    fc.record({
      apiKey: fc.constant(recordingApiKey),
      templates: fc.oneof(
        fc.array(template, { maxLength: 5 }).map((extra) => [...requiredTemplates, ...extra]),
        fc.anything(),
      ),
    }),
    fc.anything(),
  );

  it('gives a connector or an invalid_config error that never shows the key', () => {
    const { create } = recordingConnector();
    fc.assert(
      fc.property(config, (raw) => {
        try {
          create(raw);
        } catch (error) {
          expectSafeFailure(error);
          expect((error as ConnectorError).code).toBe('invalid_config');
        }
      }),
      { numRuns },
    );
  });

  it('renders and lints whatever templatesSchema accepts, failing only with ConnectorErrors', () => {
    fc.assert(
      fc.property(fc.array(template, { maxLength: 5 }), payload, (extra, values) => {
        const parsed = templatesSchema.safeParse([...requiredTemplates, ...extra]);
        if (!parsed.success) return;
        expect(() => lintTemplates(parsed.data)).not.toThrow();
        for (const t of parsed.data) {
          try {
            renderTemplate(
              t,
              (typeof values === 'object' && values !== null ? values : {}) as Record<
                string,
                unknown
              >,
            );
          } catch (error) {
            expect(ConnectorError.isInstance(error)).toBe(true);
          }
        }
      }),
      { numRuns },
    );
  });
});
