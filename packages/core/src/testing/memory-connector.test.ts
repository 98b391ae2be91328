import { describe, expect, it } from 'vitest';
import { requiredTemplates } from '../../test/fixtures.js';
import { ConnectorError } from '../connector-error.js';
import type { ConnectorEvent } from '../contract.js';
import { createMemoryConnector, createMemoryProvider } from './index.js';
import type { ProviderFaultKind } from './provider-mock.js';

const from = 'Acme <noreply@acme.test>';

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createMemoryConnector', () => {
  it('runs the real pipeline and records the rendered email', async () => {
    const connector = createMemoryConnector({
      templates: requiredTemplates,
      from,
      replyTo: ['help@acme.test'],
      tags: { app: 'shop' },
    });
    const result = await connector.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '<12>' },
    });
    expect(result.provider).toBe('memory');
    expect(result.attempts).toBe(1);
    expect(connector.outbox).toHaveLength(1);
    expect(connector.last()).toMatchObject({
      messageId: result.messageId,
      from: { name: 'Acme', address: 'noreply@acme.test' },
      to: [{ address: 'ada@example.com' }],
      replyTo: [{ address: 'help@acme.test' }],
      subject: 'Sign in',
      html: '<p>Sign-in code: &lt;12&gt;</p>',
      text: 'Sign-in code: <12>',
      tags: { app: 'shop', usage_type: 'SignIn' },
      usageType: 'SignIn',
    });
  });

  it('validates its config like any connector', () => {
    let error: unknown;
    try {
      createMemoryConnector({ templates: requiredTemplates.slice(1), from: 'not-a-mailbox' });
    } catch (caught) {
      error = caught;
    }
    expect(ConnectorError.isInstance(error)).toBe(true);
    expect((error as ConnectorError).code).toBe('invalid_config');
    expect((error as ConnectorError).message).toContain('missing: Register');
  });

  it('clears its outbox in place', async () => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    const outbox = connector.outbox;
    await connector.testSend('a@b.co');
    expect(outbox).toHaveLength(1);
    connector.clear();
    expect(outbox).toHaveLength(0);
    expect(connector.last()).toBeUndefined();
  });

  it('fails the next N sends with the requested code, then recovers', async () => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    connector.failNext('rate_limit_exceeded', { times: 2 });
    const input = { to: 'a@b.co', type: 'Register' as const, payload: { code: '1' } };
    for (let i = 0; i < 2; i++) {
      const error = await rejection(connector.sendMessage(input));
      expect(error.code).toBe('rate_limit_exceeded');
      expect(error.retryable).toBe(true);
      expect(error.provider).toBe('memory');
    }
    await expect(connector.sendMessage(input)).resolves.toMatchObject({ provider: 'memory' });
    expect(connector.outbox).toHaveLength(1);
  });

  it('rejects a bad failNext count or code', () => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    expect(() => connector.failNext('general', { times: 0 })).toThrow(RangeError);
    expect(() => connector.failNext('nope' as never)).toThrow(RangeError);
  });

  it('has a check that sends nothing', async () => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    expect(connector.metadata.capabilities).toEqual({
      check: true,
      tags: true,
      replyTo: true,
      retries: false,
      requestTimeout: false,
    });
    expect((await connector.check()).ok).toBe(true);
    expect(connector.asProviderMock().requestCount()).toBe(0);
  });

  it('emits events', async () => {
    const events: ConnectorEvent[] = [];
    const connector = createMemoryConnector({
      templates: requiredTemplates,
      from,
      options: { onEvent: (event) => events.push(event) },
    });
    await connector.testSend('john@example.com');
    expect(events.map((e) => [e.type, e.provider, e.recipient])).toEqual([
      ['send:start', 'memory', 'j***@example.com'],
      ['send:success', 'memory', 'j***@example.com'],
    ]);
  });

  it('shares one provider between connectors', async () => {
    const memory = createMemoryProvider();
    const a = createMemoryConnector({ templates: requiredTemplates, from, provider: memory });
    const b = createMemoryConnector({ templates: requiredTemplates, from, provider: memory });
    await a.testSend('a@b.co');
    await b.testSend('c@d.co');
    expect(memory.outbox.map((e) => e.to[0]!.address)).toEqual(['a@b.co', 'c@d.co']);
    expect(() =>
      createMemoryConnector({ templates: requiredTemplates, from, provider: { ...memory } }),
    ).toThrow(TypeError);
  });
});

describe('asProviderMock', () => {
  it('normalizes delivered emails', async () => {
    const connector = createMemoryConnector({
      templates: requiredTemplates,
      from: 'Zoë <noreply@acme.test>',
    });
    const { messageId } = await connector.testSend('Ada <ada@example.com>');
    expect(connector.asProviderMock().sent()).toEqual([
      {
        messageId,
        from: 'noreply@acme.test',
        fromHeader: '=?UTF-8?B?Wm/Dqw==?= <noreply@acme.test>',
        to: ['ada@example.com'],
        cc: [],
        bcc: [],
        recipients: ['ada@example.com'],
        replyTo: [],
        subject: 'Your code',
        html: expect.stringMatching(/^<p>Code: \d{6}<\/p>$/),
        text: expect.stringMatching(/^Code: \d{6}$/),
        headers: {},
        rawHeaders: [],
        tags: { usage_type: 'Generic' },
      },
    ]);
  });

  it('gives the bare Reply-To addresses of each delivered email', async () => {
    const connector = createMemoryConnector({
      templates: requiredTemplates,
      from,
      replyTo: ['Help Desk <help@acme.test>', 'billing@acme.test'],
    });
    await connector.testSend('ada@example.com');
    expect(
      connector
        .asProviderMock()
        .sent()
        .map((email) => email.replyTo),
    ).toEqual([['help@acme.test', 'billing@acme.test']]);
  });

  it.each<[ProviderFaultKind, string]>([
    ['throttle', 'rate_limit_exceeded'],
    ['quota_exhausted', 'usage_limit_exceeded'],
    ['rejected_identity', 'message_rejected'],
    ['auth_failure', 'authorization_failed'],
    ['unavailable', 'provider_unavailable'],
    ['network_error', 'provider_unavailable'],
  ])('maps the %s fault to %s and counts the failed request', async (fault, code) => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    const mock = connector.asProviderMock();
    mock.inject(fault);
    const error = await rejection(connector.testSend('a@b.co'));
    expect(error.code).toBe(code);
    expect(error.provider).toBe('memory');
    expect(mock.requestCount()).toBe(1);
    expect(mock.sent()).toEqual([]);
    await connector.testSend('a@b.co');
    expect(mock.requestCount()).toBe(2);
    expect(mock.sent()).toHaveLength(1);
  });

  it('delays a send with latency and honours the abort signal', async () => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    const mock = connector.asProviderMock();
    mock.inject('latency', { latencyMs: 60_000 });
    const controller = new AbortController();
    const sending = connector.testSend('a@b.co', { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect((await rejection(sending)).code).toBe('aborted');
    expect(mock.sent()).toEqual([]);
  });

  it('still delivers after a short latency', async () => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    connector.asProviderMock().inject('latency', { latencyMs: 5 });
    await connector.testSend('a@b.co');
    expect(connector.outbox).toHaveLength(1);
  });

  it('resets outbox, faults and counters', async () => {
    const connector = createMemoryConnector({ templates: requiredTemplates, from });
    const mock = connector.asProviderMock();
    await connector.testSend('a@b.co');
    mock.inject('throttle', { times: 3 });
    mock.reset();
    expect(mock.sent()).toEqual([]);
    expect(mock.requestCount()).toBe(0);
    await connector.testSend('a@b.co');
    expect(mock.sent()).toHaveLength(1);
  });
});
