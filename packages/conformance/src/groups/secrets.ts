import { inspect } from 'node:util';
import type { ConnectorEvent, EmailConnector } from '@org/connector-core';
import { expect } from 'vitest';
import { errorTexts, expectNoneOf, rejectionOf } from '../assertions.js';
import { type CaseContext, defineCases } from '../conformance-case.js';
import { expectNothingSensitiveInHeaders } from '../delivered-checks.js';
import { errorFaultKinds } from '../fault-expectations.js';
import { registerGroup } from '../register-group.js';
import { newCode, recipient } from '../sample-data.js';
import { conformancePayload } from '../templates.js';
import type { ConformanceOptions } from '../types.js';

function secretsOf({ harness, skip }: CaseContext) {
  if (harness.secrets.length === 0) {
    skip('the harness lists no secrets (harness.secrets is empty)');
  }
  const configText = JSON.stringify(harness.validConfig);
  return harness.secrets.map((value, i) => {
    const label = `secrets[${i}]`;
    // Short or absent values would make this group pass (or fail) for the wrong reason.
    expect(value.length, `${label} is at least 8 characters long`).toBeGreaterThanOrEqual(8);
    expect(configText.includes(value), `${label} is a value of validConfig`).toBe(true);
    return { label, value };
  });
}

function connectorTexts(connector: EmailConnector): { where: string; text: string }[] {
  let json: string;
  try {
    json = JSON.stringify(connector) ?? '';
  } catch (error) {
    json = `JSON.stringify threw: ${String(error)}`;
  }
  return [
    { where: 'util.inspect(connector)', text: inspect(connector, { depth: 6 }) },
    {
      where: 'util.inspect(connector, { showHidden })',
      text: inspect(connector, { depth: 6, showHidden: true }),
    },
    { where: 'JSON.stringify(connector)', text: json },
    { where: 'String(connector)', text: String(connector) },
    { where: 'JSON.stringify(metadata)', text: JSON.stringify(connector.metadata) },
  ];
}

/** Every failure the suite can provoke, each with the code it was sent with. */
async function provokeErrors({ connector, create, harness, mock }: CaseContext) {
  const collected: { label: string; error: unknown; code?: string }[] = [];
  for (const { config, field } of harness.invalidConfigs) {
    const error = await rejectionOf(
      (async () => harness.createConnector(config))(),
      `invalid ${field}`,
    );
    collected.push({ label: `invalid config (${field})`, error });
  }
  const created = await connector();
  const send = async (
    label: string,
    code: string,
    before?: () => void,
    type: 'SignIn' | 'Register' = 'SignIn',
  ) => {
    before?.();
    const error = await rejectionOf(
      created.sendMessage({ to: recipient('secret'), type, payload: conformancePayload(code) }),
      label,
    );
    collected.push({ label, error, code });
    mock.reset();
  };
  for (const fault of errorFaultKinds) {
    await send(`the ${fault} fault`, newCode(), () => mock.inject(fault, { times: 100 }));
  }
  const crlfCode = newCode();
  await send(
    'a CR/LF in the subject',
    `${crlfCode}\r\nBcc: eve@example.com`,
    undefined,
    'Register',
  );
  collected.at(-1)!.code = crlfCode;
  const controller = new AbortController();
  controller.abort();
  const abortedCode = newCode();
  collected.push({
    label: 'an aborted send',
    code: abortedCode,
    error: await rejectionOf(
      created.sendMessage(
        { to: recipient('secret'), type: 'SignIn', payload: conformancePayload(abortedCode) },
        { signal: controller.signal },
      ),
      'an aborted send',
    ),
  });
  const closed = await create();
  await closed.close();
  const closedCode = newCode();
  collected.push({
    label: 'a send after close()',
    code: closedCode,
    error: await rejectionOf(
      closed.sendMessage({
        to: recipient('secret'),
        type: 'SignIn',
        payload: conformancePayload(closedCode),
      }),
      'a send after close()',
    ),
  });
  return collected;
}

export const secretsCases = defineCases('secrets', [
  {
    name: 'delivered emails carry no secret in headers, tags or bodies, and no code outside subject and body',
    async run(context) {
      const { harness, mock } = context;
      const created = await context.connector();
      const code = newCode();
      await created.sendMessage({
        to: recipient('delivered-secrets'),
        type: 'SignIn',
        payload: conformancePayload(code),
      });
      const secrets = harness.secrets.map((value, i) => ({ label: `secrets[${i}]`, value }));
      for (const email of mock.sent()) {
        expectNothingSensitiveInHeaders(
          email,
          [...secrets, { label: 'the verification code', value: code }],
          'the delivered email',
        );
        expectNoneOf(
          [
            { where: 'the subject', text: email.subject },
            { where: 'the text part', text: email.text },
            { where: 'the HTML part', text: email.html ?? '' },
            { where: 'the From header', text: email.fromHeader },
          ],
          secrets,
          'the delivered email',
        );
      }
    },
  },
  {
    name: 'util.inspect, JSON.stringify and String of the connector show no secret',
    async run(context) {
      const secrets = secretsOf(context);
      const created = await context.connector();
      expectNoneOf(connectorTexts(created), secrets, 'the connector');
      await created.testSend(recipient('inspect'));
      expectNoneOf(connectorTexts(created), secrets, 'the connector after a send');
    },
  },
  {
    name: 'no error of the connector shows a secret or the verification code',
    async run(context) {
      const secrets = context.harness.secrets.map((value, i) => ({
        label: `secrets[${i}]`,
        value,
      }));
      for (const { label, error, code } of await provokeErrors(context)) {
        const values =
          code === undefined
            ? secrets
            : [...secrets, { label: 'the verification code', value: code }];
        expectNoneOf(errorTexts(error), values, label);
      }
    },
  },
  {
    name: 'events carry no code, no secret and no full recipient address',
    async run({ harness, create, mock }) {
      const events: ConnectorEvent[] = [];
      const connector = await create(undefined, { onEvent: (event) => events.push(event) });
      const code = newCode();
      const to = recipient('events');
      await connector.sendMessage({ to, type: 'SignIn', payload: conformancePayload(code) });
      mock.inject('auth_failure', { times: 100 });
      const failedCode = newCode();
      await rejectionOf(
        connector.sendMessage({ to, type: 'SignIn', payload: conformancePayload(failedCode) }),
        'a send against an auth failure',
      );
      const types = events.map((event) => event.type);
      expect(
        types,
        'events of a successful and a failed send (the harness must pass options to the factory)',
      ).toEqual(expect.arrayContaining(['send:start', 'send:success', 'send:error']));
      const text = JSON.stringify(events);
      expectNoneOf(
        [{ where: 'JSON.stringify(events)', text }],
        [
          ...harness.secrets.map((value, i) => ({ label: `secrets[${i}]`, value })),
          { label: 'the verification code', value: code },
          { label: "the failed send's code", value: failedCode },
          { label: 'the full recipient address', value: to },
        ],
        'onEvent',
      );
    },
  },
]);

/** Secrets: neither secrets nor codes appear in inspect output, JSON, errors or events. */
export function secretsConformance(options: ConformanceOptions): void {
  registerGroup('secrets', secretsCases, options);
}
