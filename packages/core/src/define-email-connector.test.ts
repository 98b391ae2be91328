import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { requiredTemplates } from '../test/fixtures.js';
import { ConnectorError } from './connector-error.js';
import type {
  ConnectorEvent,
  EmailTransport,
  OutgoingEmail,
  TransportContext,
  TransportResult,
} from './contract.js';
import { defineEmailConnector, type TransportFactoryContext } from './define-email-connector.js';
import { secret } from './secrets.js';
import { templatesSchema } from './template.js';

const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';

const configSchema = z.object({
  apiKey: secret(z.string().min(8)),
  from: z.string(),
  replyTo: z.array(z.string()).optional(),
  region: z.enum(['eu', 'us']),
  templates: templatesSchema,
});
type Config = z.infer<typeof configSchema>;

interface Recorder {
  sent: { email: OutgoingEmail; context: TransportContext }[];
  send: (email: OutgoingEmail, context: TransportContext) => Promise<TransportResult>;
  closes: number;
}

function setup(
  send?: (email: OutgoingEmail, context: TransportContext) => Promise<TransportResult>,
  extra: Partial<EmailTransport> = {},
) {
  const recorder: Recorder = {
    sent: [],
    closes: 0,
    send:
      send ??
      (async () => ({ messageId: `msg-${recorder.sent.length}`, requestId: 'req-1', attempts: 2 })),
  };
  const createTransport = vi.fn(
    (_config: Config, _context: TransportFactoryContext): EmailTransport => ({
      send: (email, context) => {
        recorder.sent.push({ email, context });
        return recorder.send(email, context);
      },
      close: () => {
        recorder.closes += 1;
      },
      ...extra,
    }),
  );
  const factory = defineEmailConnector<Config>({
    metadata: {
      id: 'test-email',
      provider: 'test',
      name: 'Test',
      description: 'A test connector',
      capabilities: {
        check: false,
        tags: true,
        replyTo: true,
        retries: false,
        requestTimeout: false,
      },
      formItems: [
        { key: 'apiKey', label: 'API key', type: 'secret', required: true },
        { key: 'from', label: 'From', type: 'text', required: true },
      ],
    },
    configSchema,
    // Field names, so messages can name the field; functions work too (see below).
    sender: 'from',
    replyTo: 'replyTo',
    tags: (config) => ({ region: config.region }),
    headers: () => ({ 'X-Entity-Ref-ID': 'abc' }),
    createTransport,
  });
  const config: Config = {
    apiKey: secretKey,
    from: 'Acme <noreply@acme.test>',
    region: 'eu',
    templates: [
      ...requiredTemplates,
      {
        usageType: 'SignIn',
        locale: 'de',
        subject: 'Anmeldecode {{code}}',
        content: '<p>Hallo {{user.name}}, dein Code: {{code}}</p>',
      },
    ],
  };
  return { factory, config, recorder, createTransport };
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function catchSync(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('the factory', () => {
  it('validates the config and creates the transport once', () => {
    const { factory, config, createTransport } = setup();
    const connector = factory(config);
    expect(connector.metadata.provider).toBe('test');
    expect(createTransport).toHaveBeenCalledTimes(1);
    expect(createTransport.mock.calls[0]![1]).toEqual({
      provider: 'test',
      closeSignal: expect.any(AbortSignal),
    });
    expect(factory.metadata.id).toBe('test-email');
  });

  it('lists every failing field with zod’s reason, and never a secret value', () => {
    const { factory, config } = setup();
    const error = catchSync(() =>
      factory({
        ...config,
        apiKey: 'short',
        region: 'mars',
        templates: config.templates.filter((t) => t.usageType !== 'SignIn'),
        from: undefined,
      }),
    );
    expect(error.code).toBe('invalid_config');
    expect(error.retryable).toBe(false);
    expect(error.provider).toBe('test');
    expect(error.message).toContain('apiKey:');
    expect(error.message).toContain('region:');
    expect(error.message).toContain('from:');
    expect(error.message).toContain('templates:');
    expect(error.message).toContain('missing: SignIn');
    expect(error.message).not.toContain('short');
    expect(error.message).not.toContain('mars');
  });

  it('scrubs a secret value even when a custom message would echo it', () => {
    const leaky = defineEmailConnector({
      metadata: setup().factory.metadata,
      configSchema: z.object({
        token: secret(z.string()).refine((v) => v.startsWith('tok_'), {
          error: (issue) => `bad token ${String(issue.input)}`,
        }),
        templates: templatesSchema,
      }),
      sender: () => 'a@b.co',
      createTransport: () => ({ send: async () => ({ messageId: '1' }) }),
    });
    const error = catchSync(() =>
      leaky({ token: 'hunter2-very-secret', templates: requiredTemplates }),
    );
    expect(error.code).toBe('invalid_config');
    expect(error.message).toContain('token:');
    expect(error.message).not.toContain('hunter2-very-secret');
    expect(error.message).toContain('[redacted]');
  });

  it('rejects a bad sender as invalid_config naming the field', () => {
    const { factory, config } = setup();
    const error = catchSync(() => factory({ ...config, from: 'Acme <noreply.acme.test>' }));
    expect(error.code).toBe('invalid_config');
    expect(error.message).toContain('"from"');
    expect(error.message).toContain('no "@"');
  });

  it('names the sender "sender" when the definition computes it from no single field', () => {
    const factory = defineEmailConnector({
      metadata: { ...setup().factory.metadata, formItems: [] },
      configSchema,
      sender: (config) => config.from.toUpperCase(),
      createTransport: () => ({ send: async () => ({ messageId: 'm' }) }),
    });
    const error = catchSync(() => factory({ ...setup().config, from: 'noreply.acme.test' }));
    expect(error.code).toBe('invalid_config');
    expect(error.message).toContain('"sender"');
  });

  it('rejects a bad reply-to address as invalid_config', () => {
    const { factory, config } = setup();
    expect(catchSync(() => factory({ ...config, replyTo: ['a@b@c.io'] })).code).toBe(
      'invalid_config',
    );
  });

  it('marks secret fields in the form items', () => {
    const { factory } = setup();
    expect(factory.metadata.formItems.find((item) => item.key === 'apiKey')?.secret).toBe(true);
    expect(factory.metadata.formItems.find((item) => item.key === 'from')?.secret).toBeUndefined();
  });
});

describe('sendMessage', () => {
  it('validates, selects, renders and hands the transport a complete email', async () => {
    const { factory, config, recorder } = setup();
    const connector = factory({ ...config, replyTo: ['support@acme.test'] });
    const result = await connector.sendMessage({
      to: 'Ada <ada@example.com>',
      type: 'SignIn',
      payload: { code: '123456', locale: 'de-AT', user: { name: 'Ada' } },
    });
    expect(result).toEqual({
      messageId: 'msg-1',
      provider: 'test',
      requestId: 'req-1',
      attempts: 2,
    });
    expect(recorder.sent).toHaveLength(1);
    const { email, context } = recorder.sent[0]!;
    expect(email).toEqual({
      from: { name: 'Acme', address: 'noreply@acme.test' },
      to: [{ name: 'Ada', address: 'ada@example.com' }],
      replyTo: [{ address: 'support@acme.test' }],
      subject: 'Anmeldecode 123456',
      html: '<p>Hallo Ada, dein Code: 123456</p>',
      text: 'Hallo Ada, dein Code: 123456',
      headers: { 'X-Entity-Ref-ID': 'abc' },
      tags: { region: 'eu', usage_type: 'SignIn' },
      usageType: 'SignIn',
      locale: 'de',
    });
    expect(context.signal).toBeInstanceOf(AbortSignal);
    expect(context.signal.aborted).toBe(false);
  });

  it('defaults attempts to 1 and omits a missing request id', async () => {
    const { factory, config } = setup(async () => ({ messageId: 'only-id' }));
    expect(
      await factory(config).sendMessage({ to: 'a@b.co', type: 'Generic', payload: { code: '1' } }),
    ).toEqual({ messageId: 'only-id', provider: 'test', attempts: 1 });
  });

  it.each([
    [{ to: 42, type: 'SignIn', payload: {} }, 'to:'],
    [{ to: 'a@b.co', type: 'Nope', payload: {} }, 'type:'],
    [{ to: 'a@b.co', type: 'SignIn' }, 'payload:'],
    [{ to: 'a@b.co', type: 'SignIn', payload: { code: 123456 } }, 'payload.code:'],
    [{ to: 'a@b.co', type: 'SignIn', payload: { link: {} } }, 'payload.link:'],
  ])('rejects invalid input %j naming %s', async (input, field) => {
    const { factory, config, recorder } = setup();
    const error = await rejection(factory(config).sendMessage(input as never));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.provider).toBe('test');
    expect(error.message).toContain(field);
    expect(error.message).not.toContain('123456');
    expect(recorder.sent).toHaveLength(0);
  });

  it('rejects a bad recipient without calling the transport', async () => {
    const { factory, config, recorder } = setup();
    const error = await rejection(
      factory(config).sendMessage({
        to: 'a@b.co\r\nBcc: x@y.z',
        type: 'SignIn',
        payload: { code: '1' },
      }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('recipient "to"');
    expect(recorder.sent).toHaveLength(0);
  });

  it('fails on a missing variable without leaking the code', async () => {
    const { factory, config } = setup();
    const error = await rejection(
      factory(config).sendMessage({
        to: 'a@b.co',
        type: 'SignIn',
        payload: { code: '987654', locale: 'de' },
      }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('{{user.name}}');
    expect(error.message).not.toContain('987654');
  });

  it('reports template_not_found from selection', async () => {
    const { factory, config } = setup();
    const connector = factory({
      ...config,
      templates: [
        ...requiredTemplates.filter((t) => t.usageType !== 'Generic'),
        { usageType: 'Generic', locale: 'en', subject: 's', content: '{{code}}' },
      ],
    });
    const error = await rejection(
      connector.sendMessage({ to: 'a@b.co', type: 'BindMfa', payload: { code: '1' } }),
    );
    expect(error.code).toBe('template_not_found');
    expect(error.provider).toBe('test');
  });

  it('wraps a non-ConnectorError from the transport as general, keeping it as cause', async () => {
    const original = new TypeError('socket exploded');
    const { factory, config } = setup(async () => {
      throw original;
    });
    const error = await rejection(
      factory(config).sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '1' } }),
    );
    expect(error.code).toBe('general');
    expect(error.provider).toBe('test');
    expect(error.cause).toBe(original);
    expect(error.message).toContain('socket exploded');
  });

  it('passes a transport ConnectorError through, filling in the provider', async () => {
    const original = new ConnectorError('rate_limit_exceeded', 'Slow down', { attempts: 3 });
    const { factory, config } = setup(async () => {
      throw original;
    });
    const error = await rejection(
      factory(config).sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '1' } }),
    );
    expect(error).toBe(original);
    expect(error.provider).toBe('test');
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(3);
  });

  it('never lets the verification code or a secret into an error message', async () => {
    const { factory, config } = setup(async () => {
      throw new Error(`provider said: code 424242 rejected for key ${secretKey}`);
    });
    const error = await rejection(
      factory(config).sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '424242' } }),
    );
    expect(error.message).not.toContain('424242');
    expect(error.message).not.toContain(secretKey);
    expect(error.message).toContain('[redacted]');
  });

  it('treats a transport result without a message id as an error', async () => {
    const { factory, config } = setup(async () => ({}) as TransportResult);
    const error = await rejection(
      factory(config).sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '1' } }),
    );
    expect(error.code).toBe('general');
    expect(error.message).toContain('no message id');
  });
});

describe('abort', () => {
  it('rejects with aborted for an already-aborted signal and sends nothing', async () => {
    const { factory, config, recorder } = setup();
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      factory(config).sendMessage(
        { to: 'a@b.co', type: 'SignIn', payload: { code: '1' } },
        { signal: controller.signal },
      ),
    );
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
    expect(recorder.sent).toHaveLength(0);
  });

  it('rejects promptly when aborted mid-send, even if the transport ignores the signal', async () => {
    const { factory, config, recorder } = setup(() => new Promise(() => {}));
    const controller = new AbortController();
    const sending = factory(config).sendMessage(
      { to: 'a@b.co', type: 'SignIn', payload: { code: '1' } },
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(recorder.sent).toHaveLength(1));
    const reason = new Error('user navigated away');
    controller.abort(reason);
    const error = await rejection(sending);
    expect(error.code).toBe('aborted');
    expect(error.cause).toBe(reason);
    expect(recorder.sent[0]!.context.signal.aborted).toBe(true);
  });

  it('maps a transport that rejects because its signal fired to aborted', async () => {
    const { factory, config } = setup(
      (_email, { signal }) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(new DOMException('gone', 'AbortError')));
        }),
    );
    const controller = new AbortController();
    const sending = factory(config).sendMessage(
      { to: 'a@b.co', type: 'SignIn', payload: { code: '1' } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 1);
    expect((await rejection(sending)).code).toBe('aborted');
  });
});

describe('close', () => {
  it('is idempotent, closes the transport once and reports closed', async () => {
    const { factory, config, recorder } = setup();
    const connector = factory(config);
    expect(connector.closed).toBe(false);
    await Promise.all([connector.close(), connector.close()]);
    await connector.close();
    expect(recorder.closes).toBe(1);
    expect(connector.closed).toBe(true);
  });

  it('makes later sends fail clearly', async () => {
    const { factory, config, recorder } = setup();
    const connector = factory(config);
    await connector.close();
    const error = await rejection(
      connector.sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '1' } }),
    );
    expect(error.code).toBe('general');
    expect(error.message).toMatch(/closed.*create a new connector/);
    expect(recorder.sent).toHaveLength(0);
  });

  it('aborts an in-flight send', async () => {
    const { factory, config, recorder } = setup(() => new Promise(() => {}));
    const connector = factory(config);
    const sending = connector.sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '1' } });
    await vi.waitFor(() => expect(recorder.sent).toHaveLength(1));
    await connector.close();
    const error = await rejection(sending);
    expect(error.code).toBe('aborted');
    expect(error.message).toContain('closed');
  });

  it('aborts in-flight sends with and without a caller signal', async () => {
    const { factory, config, recorder } = setup(() => new Promise(() => {}));
    const connector = factory(config);
    const input = { to: 'a@b.co', type: 'SignIn' as const, payload: { code: '1' } };
    const caller = new AbortController();
    const sends = [
      connector.sendMessage(input),
      connector.sendMessage(input, { signal: caller.signal }),
      connector.sendMessage(input),
    ];
    await vi.waitFor(() => expect(recorder.sent).toHaveLength(3));
    await connector.close();
    for (const sending of sends) {
      const error = await rejection(sending);
      expect(error.code).toBe('aborted');
      expect(error.message).toContain('closed');
    }
    expect(recorder.sent.every(({ context }) => context.signal.aborted)).toBe(true);
    expect(caller.signal.aborted).toBe(false);
  });

  it('maps a transport that fails because close() tore its request down to aborted', async () => {
    const { factory, config } = setup(
      (_email, { signal }) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('socket hang up')));
        }),
    );
    const connector = factory(config);
    const sending = connector.sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '1' } });
    await connector.close();
    expect((await rejection(sending)).code).toBe('aborted');
  });

  it('gives a send without a caller signal the close signal from the transport factory', async () => {
    const { factory, config, recorder, createTransport } = setup();
    const connector = factory(config);
    const input = { to: 'a@b.co', type: 'SignIn' as const, payload: { code: '1' } };
    await connector.sendMessage(input);
    await connector.sendMessage(input, { signal: new AbortController().signal });
    const { closeSignal } = createTransport.mock.calls[0]![1];
    expect(recorder.sent[0]!.context.signal).toBe(closeSignal);
    // With a caller signal the transport gets one that fires on either.
    expect(recorder.sent[1]!.context.signal).not.toBe(closeSignal);
    expect(closeSignal.aborted).toBe(false);
    await connector.close();
    expect(closeSignal.aborted).toBe(true);
  });

  it('leaves no listener behind on the close signal or the caller signal', async () => {
    let calls = 0;
    const { factory, config, createTransport } = setup(async () => {
      calls += 1;
      if (calls % 2 === 0) throw new Error('flaky');
      return { messageId: `m-${calls}` };
    });
    const connector = factory(config);
    const caller = new AbortController();
    const input = { to: 'a@b.co', type: 'SignIn' as const, payload: { code: '1' } };
    await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        connector.sendMessage(input, i % 2 === 0 ? {} : { signal: caller.signal }),
      ),
    );
    expect(calls).toBe(20);
    const { closeSignal } = createTransport.mock.calls[0]![1];
    expect(getEventListeners(closeSignal, 'abort')).toHaveLength(0);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('fails a send whose event listener closed the connector, without calling the transport', async () => {
    const { factory, config, recorder } = setup();
    let connector: ReturnType<typeof factory> | undefined;
    connector = factory(config, {
      onEvent: (event) => {
        if (event.type === 'send:start') void connector?.close();
      },
    });
    const error = await rejection(
      connector.sendMessage({ to: 'a@b.co', type: 'SignIn', payload: { code: '1' } }),
    );
    expect(error.code).toBe('aborted');
    expect(recorder.sent).toHaveLength(0);
  });
});

describe('check', () => {
  it('is absent when the transport has no check', () => {
    const { factory, config } = setup();
    expect(factory(config).check).toBeUndefined();
  });

  it('delegates to the transport and fails after close', async () => {
    const report = { ok: true, checks: [{ name: 'x', status: 'pass' as const, detail: 'fine' }] };
    const { factory, config } = setup(undefined, { check: async () => report });
    const connector = factory(config);
    expect(await connector.check!()).toEqual(report);
    await connector.close();
    expect((await rejection(connector.check!())).code).toBe('general');
  });
});

describe('testSend', () => {
  it('sends the Generic template with a random six-digit code', async () => {
    const { factory, config, recorder } = setup();
    await factory(config).testSend('ops@example.com');
    const { email } = recorder.sent[0]!;
    expect(email.usageType).toBe('Generic');
    expect(email.to).toEqual([{ address: 'ops@example.com' }]);
    expect(email.text).toMatch(/^Code: \d{6}$/);
  });
});

describe('events', () => {
  it('reports start and success with masked recipient and no code or body', async () => {
    const events: ConnectorEvent[] = [];
    const { factory, config } = setup();
    await factory(config, { onEvent: (e) => events.push(e) }).sendMessage({
      to: 'john@example.com',
      type: 'SignIn',
      payload: { code: '555111' },
    });
    expect(events.map((e) => e.type)).toEqual(['send:start', 'send:success']);
    expect(events[0]).toEqual({
      type: 'send:start',
      provider: 'test',
      usageType: 'SignIn',
      recipient: 'j***@example.com',
    });
    expect(events[1]).toMatchObject({
      type: 'send:success',
      messageId: 'msg-1',
      requestId: 'req-1',
      attempts: 2,
      durationMs: expect.any(Number),
    });
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain('555111');
    expect(serialized).not.toContain('john@');
  });

  it('reports errors with code and retryable', async () => {
    const events: ConnectorEvent[] = [];
    const { factory, config } = setup(async () => {
      throw new ConnectorError('rate_limit_exceeded', 'slow down', { attempts: 3 });
    });
    await rejection(
      factory(config, { onEvent: (e) => events.push(e) }).sendMessage({
        to: 'john@example.com',
        type: 'SignIn',
        payload: { code: '555111' },
      }),
    );
    expect(events[1]).toMatchObject({
      type: 'send:error',
      errorCode: 'rate_limit_exceeded',
      retryable: true,
      attempts: 3,
      recipient: 'j***@example.com',
    });
  });

  it('survives a throwing or rejecting listener', async () => {
    const { factory, config } = setup();
    const throwing = factory(config, {
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    const rejecting = factory(config, {
      onEvent: async () => Promise.reject(new Error('async bug')),
    });
    const input = { to: 'a@b.co', type: 'SignIn' as const, payload: { code: '1' } };
    await expect(throwing.sendMessage(input)).resolves.toMatchObject({ provider: 'test' });
    await expect(rejecting.sendMessage(input)).resolves.toMatchObject({ provider: 'test' });
  });
});

describe('secrets in inspect and JSON', () => {
  it('shows metadata and config with secret fields redacted', () => {
    const { factory, config } = setup();
    const connector = factory(config);
    const inspected = inspect(connector, { depth: 5 });
    const json = JSON.stringify(connector);
    for (const text of [inspected, json]) {
      expect(text).not.toContain(secretKey);
      expect(text).toContain('[redacted]');
      expect(text).toContain('test-email');
      expect(text).toContain('noreply@acme.test');
    }
    expect(JSON.parse(json).config.apiKey).toBe('[redacted]');
  });
});
