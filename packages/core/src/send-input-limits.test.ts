import { describe, expect, it } from 'vitest';
import { recordingConnector } from '../test/recording-connector.js';
import { ConnectorError } from './connector-error.js';

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('sendMessage input limits', () => {
  it('rejects a 75 KB locale as invalid_request_parameters (regression: quadratic chain)', async () => {
    const { connector, wire } = recordingConnector();
    const locale = `${'ab-'.repeat(25_000)}cd`;
    const error = await failure(
      connector.sendMessage({
        to: 'ada@example.com',
        type: 'SignIn',
        payload: { code: '123456', locale },
      }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('payload.locale');
    expect(error.message).toContain('maximum is 35');
    expect(error.message).not.toContain('ab-ab');
    expect(wire).toHaveLength(0);
  });

  it('rejects an Accept-Language header passed as the locale, naming the fix', async () => {
    const { connector } = recordingConnector();
    const error = await failure(
      connector.sendMessage({
        to: 'ada@example.com',
        type: 'SignIn',
        payload: { code: '123456', locale: 'de-AT,de;q=0.9' },
      }),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toMatch(/one BCP 47 language tag/);
  });

  it('still accepts a POSIX-style locale', async () => {
    const { connector, wire } = recordingConnector();
    await connector.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: { code: '123456', locale: 'zh_CN' },
    });
    expect(wire).toHaveLength(1);
  });
});

const send = (payload: Record<string, unknown>, to = 'ada@example.com') =>
  recordingConnector().connector.sendMessage({ to, type: 'SignIn', payload });

describe('payload limits', () => {
  it.each([
    ['a code over 256 characters', { code: '9'.repeat(257) }, 'code must be at most 256'],
    [
      'a link over 8 KB',
      { code: '918273', link: `https://x.test/${'a'.repeat(8192)}` },
      'link must be at most',
    ],
    [
      'more than 10 000 values',
      { code: '918273', list: Array.from({ length: 10_001 }, () => 1) },
      'more than 10000 values',
    ],
    [
      'more than 1 MiB of text',
      { code: '918273', big: 'x'.repeat(1_048_577) },
      'more than 1048576 characters',
    ],
    [
      'nesting over 32 levels',
      { code: '918273', deep: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) },
      'more than 32 deep',
    ],
  ])('refuses %s as invalid_request_parameters', async (_what, payload, message) => {
    const error = await failure(send(payload));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain(message);
  });

  it('refuses a circular payload and an exponential DAG after bounded work', async () => {
    const circular: Record<string, unknown> = { code: '918273' };
    circular.self = circular;
    expect((await failure(send(circular))).message).toContain('circular');
    // 2^60 paths through 60 objects: canonical hashing or any walk without a cap never ends.
    let dag: unknown = 'leaf';
    for (let i = 0; i < 60; i++) dag = [dag, dag];
    expect((await failure(send({ code: '918273', dag }))).code).toBe('invalid_request_parameters');
    expect((await failure(send({ code: '918273', deep: deepArray(200_000) }))).code).toBe(
      'invalid_request_parameters',
    );
  });

  it('refuses a payload whose getter throws as a typed error (regression: raw error)', async () => {
    const payload = {
      code: '918273',
      get boom(): string {
        throw new TypeError('getter');
      },
    };
    const error = await failure(send(payload));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('getter or proxy');
  });

  it('refuses a recipient over 320 characters before parsing it', async () => {
    const error = await failure(send({ code: '918273' }, `${'a'.repeat(1_000_000)}@example.com`));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('at most 320');
  });

  it('accepts a payload at the caps', async () => {
    const { connector, wire } = recordingConnector();
    await connector.sendMessage({
      to: 'ada@example.com',
      type: 'SignIn',
      payload: {
        code: '9'.repeat(256),
        link: 'https://x.test/',
        list: Array.from({ length: 9000 }, () => 1),
      },
    });
    expect(wire).toHaveLength(1);
  });
});

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('option limits', () => {
  it('refuses an idempotency key over 256 characters', async () => {
    const { connector, wire } = recordingConnector();
    const error = await failure(
      connector.sendMessage(
        { to: 'ada@example.com', type: 'SignIn', payload: { code: '918273' } },
        { idempotencyKey: 'k'.repeat(257) },
      ),
    );
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('at most 256 characters');
    expect(wire).toHaveLength(0);
  });
});
