import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpMock } from './smtp-mock.js';
import { SmtpMockInputError } from './smtp-mock-input-error.js';
import type { SmtpFault, SmtpMock, SmtpMockOptions } from './types.js';

let mock: SmtpMock;

beforeAll(async () => {
  mock = await startSmtpMock({ tls: 'none' });
});

afterAll(async () => {
  await mock.close();
});

/** A bare SMTP client: each command's reply lines, as the server wrote them. */
async function dialogue(commands: string[]): Promise<string[][]> {
  const socket: Socket = connect(mock.port, mock.host);
  let buffer = '';
  const waiters: (() => void)[] = [];
  socket.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('close', () => {
    for (const wake of waiters.splice(0)) wake();
  });
  /** One reply: lines up to the one whose fourth character is a space. */
  const reply = async (): Promise<string[]> => {
    for (;;) {
      const lines = buffer.split('\r\n');
      const end = lines.findIndex((line) => /^\d{3} /.test(line));
      if (end >= 0) {
        buffer = lines.slice(end + 1).join('\r\n');
        return lines.slice(0, end + 1);
      }
      if (socket.destroyed) return buffer === '' ? [] : [buffer];
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const replies = [await reply()];
  for (const command of commands) {
    if (socket.destroyed) break;
    socket.write(`${command}\r\n`);
    replies.push(await reply());
  }
  socket.end('QUIT\r\n');
  await closed;
  return replies;
}

describe('SMTP faults are checked when queued', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'a reply text with CR/LF (reply smuggling)',
      { kind: 'reply', stage: 'MAIL', code: 451, message: 'slow down\r\n250 2.0.0 Ok' },
      /fault\.message: message must be 1 to 500 printable ASCII characters, without CR\/LF/,
    ],
    ['a 2xx code', { kind: 'reply', stage: 'MAIL', code: 250, message: 'fine' }, /fault\.code/],
    ['code 99', { kind: 'reply', stage: 'MAIL', code: 99, message: 'x' }, /fault\.code/],
    ['code 1000', { kind: 'reply', stage: 'MAIL', code: 1000, message: 'x' }, /fault\.code/],
    ['an unknown stage', { kind: 'drop', stage: 'HELO' }, /fault\.stage: stage must be CONNECT/],
    ['an unknown kind', { kind: 'nope', stage: 'MAIL' }, /kind must be reply, drop or delay/],
    ['a negative delay', { kind: 'delay', stage: 'MAIL', ms: -1 }, /fault\.ms/],
    ['a NaN delay', { kind: 'delay', stage: 'MAIL', ms: Number.NaN }, /fault\.ms/],
    ['an extra field', { kind: 'drop', stage: 'MAIL', code: 500 }, /code/],
  ])('refuses %s with SmtpMockInputError', async (_, fault, message) => {
    let thrown: unknown;
    try {
      mock.fault(fault as SmtpFault);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SmtpMockInputError);
    expect(thrown).toMatchObject({
      code: 'invalid_fault',
      message: expect.stringMatching(message),
    });
    // Nothing was queued: the next delivery attempt is served normally.
    const replies = await dialogue(['EHLO client.test', 'MAIL FROM:<a@example.com>']);
    expect(replies.at(-1)?.at(-1)).toMatch(/^250 /);
  });

  it('refuses bad times and unknown provider faults', () => {
    const fault: SmtpFault = { kind: 'drop', stage: 'MAIL' };
    expect(() => mock.fault(fault, { times: 0 })).toThrow(
      /times must be a positive integer; got 0/,
    );
    expect(() => mock.fault(fault, { times: 1.5 })).toThrow(SmtpMockInputError);
    expect(() => mock.inject('nope' as never)).toThrow(
      /Unknown provider fault "nope"; expected one of throttle/,
    );
    expect(() => mock.inject('latency', { latencyMs: -5 })).toThrow(/fault\.ms/);
  });

  it('answers a valid reply fault with exactly its one reply line', async () => {
    mock.fault({ kind: 'reply', stage: 'MAIL', code: 451, message: '4.7.1 Slow down' });
    const replies = await dialogue(['EHLO client.test', 'MAIL FROM:<a@example.com>']);
    expect(replies.at(-1)).toEqual(['451 4.7.1 Slow down']);
  });
});

describe('startSmtpMock options are checked', () => {
  it.each<[string, unknown, RegExp]>([
    ['a name with CR/LF', { name: 'mock\r\n250 ok' }, /name must be a host name/],
    ['a negative size', { size: -1 }, /size must be at least 1 byte/],
    ['an unknown tls mode', { tls: 'tls13' }, /tls must be starttls, implicit or none/],
    ['a tag header with a colon', { tagHeader: 'X-Tags:' }, /tagHeader/],
    ['auth without a password', { auth: { user: 'u' } }, /auth\.pass/],
    ['options: 5', 5, /options must be an object/],
  ])('refuses %s before listening', async (_, options, message) => {
    const start = startSmtpMock(options as SmtpMockOptions);
    await expect(start).rejects.toBeInstanceOf(SmtpMockInputError);
    await expect(start).rejects.toThrow(message);
  });

  it('never echoes the password it refuses', async () => {
    const error = await startSmtpMock({
      auth: { user: '', pass: 'smtp-secret-password-1' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpMockInputError);
    expect(String(error)).not.toContain('smtp-secret-password-1');
  });
});

describe('SMTP fault specs, tried wide', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('', 'ok\r\n250 2.0.0 Ok', 'x\n354 go', '日本', '4.7.1 Slow down'),
  );
  const fault = fc.oneof(
    fc.record(
      {
        kind: fc.constantFrom('reply', 'drop', 'delay', 'nope'),
        stage: fc.constantFrom('MAIL', 'RCPT', 'DATA', 'HELO'),
        code: fc.oneof(fc.integer({ min: 400, max: 599 }), fc.constantFrom(99, 250, 354, 1000)),
        message: text,
        ms: fc.constantFrom(0, 1, -1, Number.NaN, 1e12),
      },
      { requiredKeys: ['kind'] },
    ),
    fc.jsonValue({ maxDepth: 2 }),
  );

  it('queues only faults whose replies are single well-formed lines', async () => {
    await fc.assert(
      fc.asyncProperty(fault, async (spec) => {
        mock.reset();
        try {
          mock.fault(spec as SmtpFault);
        } catch (error) {
          expect(error).toBeInstanceOf(SmtpMockInputError);
          return;
        }
        const replies = await dialogue([
          'EHLO client.test',
          'MAIL FROM:<a@example.com>',
          'RCPT TO:<b@example.com>',
        ]);
        for (const lines of replies) {
          for (const line of lines) expect(line).toMatch(/^\d{3}[ -][ -~]*$/);
        }
        const queued = spec as { kind: string; stage: string; code: number; message: string };
        if (queued.kind === 'reply' && queued.stage === 'MAIL') {
          // The error the test asked for, as one line, and an error indeed.
          expect(replies[2]).toEqual([`${queued.code} ${queued.message}`]);
          expect(queued.code).toBeGreaterThanOrEqual(400);
        }
      }),
      { numRuns: process.env.CI ? 200 : 50 },
    );
    mock.reset();
  });
});
