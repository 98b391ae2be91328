// Issue 11: bad options and hostile providers get typed errors, and nothing secret survives in
// an error, however deep its cause chain goes.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bareMetadata, requiredTemplates } from '../../test/fixtures.js';
import { ConnectorError } from '../connector-error.js';
import type { EmailTransport, SendMessageInput } from '../contract.js';
import { defineEmailConnector } from '../define-email-connector.js';
import type { IdempotencyStore } from '../idempotency-store.js';
import { secret } from '../secrets.js';
import { templatesSchema } from '../template.js';

const schema = z.object({
  apiKey: secret(z.string()),
  from: z.string(),
  templates: templatesSchema,
});

function connect(
  transport: Partial<EmailTransport> = {},
  {
    apiKey = 'sk-live-0123456789abcdef',
    store,
  }: { apiKey?: string; store?: IdempotencyStore } = {},
) {
  let sends = 0;
  const factory = defineEmailConnector({
    metadata: bareMetadata('hostile'),
    configSchema: schema,
    sender: (config) => config.from,
    createTransport: () => ({
      send: async () => {
        sends += 1;
        return { messageId: `m-${sends}` };
      },
      ...transport,
    }),
  });
  const connector = factory(
    { apiKey, from: 'noreply@acme.test', templates: requiredTemplates },
    store === undefined ? {} : { idempotency: { store } },
  );
  return { connector, sends: () => sends };
}

const input: SendMessageInput = {
  to: 'ada@example.com',
  type: 'SignIn',
  payload: { code: '482913' },
};

async function rejection(run: () => Promise<unknown>): Promise<ConnectorError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  if (!ConnectorError.isInstance(caught)) {
    throw new Error(`expected a ConnectorError, got ${inspect(caught)}`);
  }
  return caught;
}

describe('bad options are invalid_request_parameters naming the option', () => {
  it('sendMessage(input, null)', async () => {
    const { connector, sends } = connect();
    const error = await rejection(() => connector.sendMessage(input, null as never));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toMatch(/options/);
    expect(sends()).toBe(0);
  });

  it('sendMessage(input, { signal: {} })', async () => {
    const { connector, sends } = connect();
    const error = await rejection(() =>
      connector.sendMessage(input, { signal: {} as AbortSignal }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toMatch(/signal/);
    expect(sends()).toBe(0);
  });

  it('testSend(to, null) and testSend(to, { signal: 1 })', async () => {
    const { connector, sends } = connect();
    const nullOptions = await rejection(() => connector.testSend('ada@example.com', null as never));
    expect(nullOptions.code).toBe('invalid_request_parameters');
    expect(nullOptions.message).toMatch(/options/);
    const badSignal = await rejection(() =>
      connector.testSend('ada@example.com', { signal: 1 as never }),
    );
    expect(badSignal.code).toBe('invalid_request_parameters');
    expect(badSignal.message).toMatch(/signal/);
    expect(sends()).toBe(0);
  });

  it('check(null) and check({ signal: {} })', async () => {
    const { connector } = connect({ check: async () => ({ ok: true, checks: [] }) });
    const nullOptions = await rejection(() => connector.check!(null as never));
    expect(nullOptions.code).toBe('invalid_request_parameters');
    expect(nullOptions.message).toMatch(/options/);
    const badSignal = await rejection(() => connector.check!({ signal: {} as AbortSignal }));
    expect(badSignal.code).toBe('invalid_request_parameters');
    expect(badSignal.message).toMatch(/signal/);
  });

  it('still sends with no options, undefined or an empty object', async () => {
    const { connector, sends } = connect();
    await connector.sendMessage(input);
    await connector.sendMessage(input, undefined);
    await connector.sendMessage(input, {});
    await connector.testSend('ada@example.com', {});
    expect(sends()).toBe(4);
  });
});

describe('an idempotency store that answers garbage', () => {
  const garbage: unknown[] = [undefined, null, 'claimed', { status: 'maybe' }, { status: 'done' }];
  for (const answer of garbage) {
    it(`claim() → ${inspect(answer)} is named as the store's fault, and nothing is sent`, async () => {
      const store: IdempotencyStore = {
        get: async () => undefined,
        set: async () => {},
        delete: async () => {},
        claim: async () => answer as never,
      };
      const { connector, sends } = connect({}, { store });
      const error = await rejection(() =>
        connector.sendMessage(input, { idempotencyKey: 'key-1' }),
      );
      expect(error.code).toBe('invalid_config');
      expect(error.message).toMatch(/idempotency store/);
      expect(error.message).toMatch(/claim\(\)/);
      expect(sends()).toBe(0);
    });
  }
});

describe('the cause chain carries no secret and no code', () => {
  it('scrubs what a provider echoed, at every depth and in hidden fields', async () => {
    const apiKey = 'sk-live-0123456789abcdef';
    const { connector } = connect({
      send: async () => {
        const root = new Error(`socket said: Authorization: Bearer ${apiKey}`);
        const wire = new Error(`400 Bad Request: {"code":"${input.payload.code}"}`, {
          cause: root,
        });
        Object.defineProperty(wire, 'response', {
          value: `554 rejected DATA: Your code is ${input.payload.code}`,
          enumerable: false,
          writable: true,
          configurable: true,
        });
        (wire as unknown as { request: unknown }).request = {
          body: `{"apiKey":"${apiKey}"}`,
          headers: { authorization: `Bearer ${apiKey}` },
        };
        throw new ConnectorError('message_rejected', 'The provider refused the message.', {
          cause: wire,
        });
      },
    });
    const error = await rejection(() => connector.sendMessage(input));
    expect(error.code).toBe('message_rejected');
    const shown = inspect(error, { showHidden: true, depth: Number.POSITIVE_INFINITY });
    expect(shown).not.toContain(input.payload.code);
    expect(shown).not.toContain(apiKey);
    expect(shown).toContain('[redacted]');
    // What is not secret stays, so the cause still explains the failure.
    expect(shown).toContain('554 rejected DATA');
  });

  it('replaces a frozen cause it cannot scrub with a scrubbed copy', async () => {
    const { connector } = connect({
      send: async () => {
        throw Object.freeze(new Error(`echo: ${input.payload.code}`));
      },
    });
    const error = await rejection(() => connector.sendMessage(input));
    const shown = inspect(error, { showHidden: true, depth: Number.POSITIVE_INFINITY });
    expect(shown).not.toContain(input.payload.code);
    expect(shown).toContain('echo: [redacted]');
  });
});

describe('short secrets', () => {
  it('a one-letter secret does not garble messages, nor show where it would be', async () => {
    const { connector } = connect(
      {
        send: async () => {
          throw new Error('the provider failed unexpectedly: x');
        },
      },
      { apiKey: 'x' },
    );
    const error = await rejection(() => connector.sendMessage(input));
    expect(error.message).toContain('unexpectedly');
    expect(error.message).not.toContain('[redacted]pectedly');
    // As a whole token it is still a secret.
    expect(error.message).toMatch(/failed unexpectedly: \[redacted\]/);
  });

  it('a blank secret is never scrubbed into every space', async () => {
    const { connector } = connect(
      {
        send: async () => {
          throw new Error('the provider  failed');
        },
      },
      { apiKey: '  ' },
    );
    const error = await rejection(() => connector.sendMessage(input));
    expect(error.message).toContain('the provider  failed');
  });
});
