import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createMockSes } from '../create-mock-ses.js';
import { MockSesInputError } from '../mock-ses-input-error.js';
import { startMockSesServer } from '../server/start-mock-ses-server.js';
import { sesClientFor, simpleEmail } from '../server/test-ses-client.js';
import type { Fault } from '../types.js';

const sendRequest = () =>
  new Request('https://email.us-east-1.amazonaws.com/v2/email/outbound-emails', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(simpleEmail('ada@example.com')),
  });

const badFaults: [string, unknown, RegExp][] = [
  ['a non-token type', { kind: 'custom', status: 500, type: '日' }, /fault\.type: type must be/],
  ['a type with CR/LF', { kind: 'custom', status: 500, type: 'X\r\nSet-Cookie: a=b' }, /type/],
  ['status 99', { kind: 'custom', status: 99 }, /fault\.status: status must be from 400 to 599/],
  ['status 204', { kind: 'custom', status: 204 }, /fault\.status/],
  ['status 1000', { kind: 'custom', status: 1000 }, /fault\.status/],
  ['status 500.5', { kind: 'custom', status: 500.5 }, /fault\.status/],
  ['an unknown kind', { kind: 'nope' }, /fault\.kind: unknown fault "nope"/],
  ['an unknown name', 'Nope', /fault: unknown fault "Nope"/],
  ['a huge latency', { kind: 'latency', latencyMs: 1e12 }, /fault\.latencyMs/],
  ['a non-object', 42, /fault/],
  ['an extra field', { kind: 'MessageRejected', status: 500 }, /status/],
];

describe('fault specs are checked when registered, never on the request path', () => {
  it.each(badFaults)('faults.next refuses %s with MockSesInputError', (_, fault, message) => {
    const mock = createMockSes();
    let thrown: unknown;
    try {
      mock.faults.next(fault as Fault);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MockSesInputError);
    expect(thrown).toMatchObject({
      code: 'invalid_fault',
      message: expect.stringMatching(message),
    });
    expect(mock.faults.pending()).toEqual([]);
  });

  it.each(badFaults)('faults.when and faults.random refuse %s too', (_, fault) => {
    const mock = createMockSes();
    expect(() => mock.faults.when(() => true, fault as Fault)).toThrow(MockSesInputError);
    expect(() => mock.faults.random({ rate: 1, faults: [fault as Fault] })).toThrow(
      MockSesInputError,
    );
    expect(mock.faults.pending()).toEqual([]);
  });

  it('refuses bad next() options and a predicate that is not a function', () => {
    const mock = createMockSes();
    expect(() => mock.faults.next('MessageRejected', { times: 1.5 })).toThrow(/times/);
    expect(() => mock.faults.next('MessageRejected', { operation: 'Send\r\nEmail' })).toThrow(
      /operation/,
    );
    expect(() => mock.faults.when('x' as never, 'MessageRejected')).toThrow(MockSesInputError);
    expect(() => mock.faults.random({ rate: 0.5, faults: ['MessageRejected'], seed: 0.5 })).toThrow(
      /seed/,
    );
    expect(() => mock.faults.latency(Number.NaN)).toThrow(/ms must be/);
  });

  it('still answers a valid custom fault with its status and type', async () => {
    const mock = createMockSes();
    mock.faults.next({ kind: 'custom', status: 418, type: 'aws.protocols#TeapotException' });
    const response = await mock.handle(sendRequest());
    expect(response.status).toBe(418);
    expect(response.headers.get('x-amzn-errortype')).toBe('aws.protocols#TeapotException');
  });
});

describe('handle() never throws', () => {
  it('answers a value that is not a Request with a 500 instead of throwing', async () => {
    const mock = createMockSes();
    const response = await mock.handle(null as unknown as Request);
    expect(response.status).toBe(500);
    expect(response.headers.get('x-amzn-errortype')).toBe('InternalServiceErrorException');
  });

  it('answers a fault smuggled past the checks (mutated after registration) with a 500', async () => {
    const mock = createMockSes();
    const fault = { kind: 'custom' as const, status: 500, type: 'Fine' };
    mock.faults.next(fault);
    // A test that mutates its fault object after registering it: the answer must stay total.
    Object.assign(fault, { type: '日\r\n' });
    const response = await mock.handle(sendRequest());
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});

describe('the node server survives a fault it cannot write', () => {
  it('answers 500 and keeps serving', async () => {
    const server = await startMockSesServer();
    const client = sesClientFor(server.url, { maxAttempts: 1 });
    try {
      const fault = { kind: 'custom' as const, status: 500, type: 'Fine' };
      server.mock.faults.next(fault);
      Object.assign(fault, { type: '日' });
      const error = (await client
        .send(new SendEmailCommand(simpleEmail('ada@example.com')))
        .catch((e: unknown) => e)) as { $metadata?: { httpStatusCode?: number } };
      expect(error.$metadata?.httpStatusCode).toBe(500);
      const next = await client.send(new SendEmailCommand(simpleEmail('ada@example.com')));
      expect(next.MessageId).toEqual(expect.any(String));
    } finally {
      client.destroy();
      await server.close();
    }
  });
});
