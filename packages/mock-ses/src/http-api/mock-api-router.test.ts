import {
  GetAccountCommand,
  InternalServiceErrorException,
  MessageRejected,
  type SESv2Client,
  SendEmailCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import PostalMime from 'postal-mime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockSesServer } from '../server/start-mock-ses-server.js';
import { sesClientFor, simpleEmail } from '../server/test-ses-client.js';
import type { MockSesServer, OutboxMessage } from '../types.js';

let server: MockSesServer;
let client: SESv2Client;

beforeAll(async () => {
  server = await startMockSesServer();
  client = sesClientFor(server.url, { maxAttempts: 1 });
});

afterEach(() => {
  server.mock.reset();
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

async function send(to: string, subject = 'Welcome') {
  const result = await client.send(new SendEmailCommand(simpleEmail(to, subject)));
  return result.MessageId as string;
}

async function json<T>(response: Response): Promise<T> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

describe('GET /_mock/health', () => {
  it('answers ok with the region and counts', async () => {
    await send('a@example.com');
    const response = await api('/_mock/health');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'ok', region: 'us-east-1', messages: 1 });
  });
});

describe('/_mock/outbox', () => {
  it('lists accepted messages, oldest first', async () => {
    const first = await send('a@example.com', 'First');
    const second = await send('b@example.com', 'Second');
    const { messages } = await json<{ messages: OutboxMessage[] }>(await api('/_mock/outbox'));
    expect(messages.map((m) => m.messageId)).toEqual([first, second]);
    expect(messages[1]).toMatchObject({ subject: 'Second', to: ['b@example.com'] });
  });

  it('filters by recipient and by time', async () => {
    await send('a@example.com');
    const toB = await send('B@Example.com');
    const byTo = await json<{ messages: OutboxMessage[] }>(
      await api('/_mock/outbox?to=b@example.com'),
    );
    expect(byTo.messages.map((m) => m.messageId)).toEqual([toB]);

    const future = Date.now() + 60_000;
    const later = await json<{ messages: OutboxMessage[] }>(
      await api(`/_mock/outbox?since=${future}`),
    );
    expect(later.messages).toEqual([]);
    const past = new Date(Date.now() - 60_000).toISOString();
    const recent = await json<{ messages: OutboxMessage[] }>(
      await api(`/_mock/outbox?since=${past}`),
    );
    expect(recent.messages).toHaveLength(2);
  });

  it('rejects a since that is not a time', async () => {
    const response = await api('/_mock/outbox?since=yesterday');
    expect(response.status).toBe(400);
    expect((await json<{ message: string }>(response)).message).toMatch(/ISO 8601/);
  });

  it('returns one message by id, and 404 with a hint for an unknown id', async () => {
    const id = await send('a@example.com', 'One');
    const message = await json<OutboxMessage>(await api(`/_mock/outbox/${id}`));
    expect(message).toMatchObject({
      messageId: id,
      subject: 'One',
      fromAddress: 'noreply@acme.test',
    });

    const missing = await api('/_mock/outbox/nope');
    expect(missing.status).toBe(404);
    expect((await json<{ message: string }>(missing)).message).toMatch(/GET \/_mock\/outbox/);
  });

  it('renders a message as an .eml a mail parser reads back', async () => {
    const id = await send('reader@example.com', 'Your code');
    const response = await api(`/_mock/outbox/${id}.eml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('message/rfc822');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${id}.eml"`);

    const parsed = await PostalMime.parse(await response.text());
    expect(parsed.subject).toBe('Your code');
    expect(parsed.from).toMatchObject({ name: 'Acme', address: 'noreply@acme.test' });
    expect(parsed.to?.map((a) => a.address)).toEqual(['reader@example.com']);
    expect(parsed.html?.trim()).toBe('<h1>Hello</h1><p>Your code body</p>');
    expect(parsed.text?.trim()).toBe('Hello\nYour code body');
  });

  it('clears with DELETE', async () => {
    await send('a@example.com');
    const response = await api('/_mock/outbox', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(server.mock.outbox.size).toBe(0);
  });

  it('answers 405 with Allow for a method it does not serve', async () => {
    const response = await api('/_mock/outbox', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, DELETE');
  });
});

describe('GET /_mock/requests', () => {
  it('lists every attempt with its invocation id, filterable by operation', async () => {
    await send('a@example.com');
    await client.send(new GetAccountCommand({}));

    const all = await json<{ requests: { operation: string; invocationId?: string }[] }>(
      await api('/_mock/requests'),
    );
    expect(all.requests.map((r) => r.operation)).toEqual(['SendEmail', 'GetAccount']);
    expect(all.requests[0]?.invocationId).toEqual(expect.any(String));

    const sends = await json<{ requests: { operation: string }[] }>(
      await api('/_mock/requests?operation=SendEmail'),
    );
    expect(sends.requests.map((r) => r.operation)).toEqual(['SendEmail']);
  });
});

describe('/_mock/faults', () => {
  const postFault = (body: unknown) =>
    api('/_mock/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('injects the next fault; the SDK raises its exception class', async () => {
    const response = await postFault({ fault: 'MessageRejected' });
    expect(response.status).toBe(201);
    expect(await json(response)).toEqual({ pending: [{ fault: 'MessageRejected', remaining: 1 }] });

    const error = await send('a@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageRejected);
    expect(await send('a@example.com')).toEqual(expect.any(String));
  });

  it('limits a fault to one operation', async () => {
    await postFault({ fault: 'TooManyRequestsException', times: 1, operation: 'GetAccount' });
    expect(await send('a@example.com')).toEqual(expect.any(String));
    const error = await client.send(new GetAccountCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
  });

  it('keeps a fault with times "always" until DELETE', async () => {
    await postFault({ fault: 'internal_error', times: 'always', operation: ['GetAccount'] });
    for (let i = 0; i < 2; i++) {
      const error = await client.send(new GetAccountCommand({})).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalServiceErrorException);
    }
    const pending = await json<{ pending: { remaining: unknown }[] }>(await api('/_mock/faults'));
    expect(pending.pending).toEqual([{ fault: 'internal_error', remaining: 'always' }]);

    expect((await api('/_mock/faults', { method: 'DELETE' })).status).toBe(204);
    await expect(client.send(new GetAccountCommand({}))).resolves.toBeDefined();
  });

  it('accepts a custom error', async () => {
    await postFault({
      fault: { kind: 'custom', status: 418, type: 'TeapotException', message: 'short and stout' },
    });
    const error = (await send('a@example.com').catch((e: unknown) => e)) as Error & {
      $metadata: { httpStatusCode?: number };
    };
    expect(error.name).toBe('TeapotException');
    expect(error.message).toBe('short and stout');
    expect(error.$metadata.httpStatusCode).toBe(418);
  });

  it('sets latency and random faults', async () => {
    expect((await postFault({ latency: 5 })).status).toBe(201);
    expect(
      (await postFault({ random: { rate: 1, faults: ['MessageRejected'], seed: 7 } })).status,
    ).toBe(201);
    const error = await send('a@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageRejected);
  });

  it.each([
    [{ fault: 'Nope' }, /fault: unknown fault "Nope"; expected one of BadRequestException/],
    [{ fault: 'MessageRejected', times: 0 }, /times/],
    [{ fault: { kind: 'custom', status: 200 } }, /fault\.status/],
    [{ fault: 'MessageRejected', extra: true }, /extra/],
    [{ latency: -1 }, /latency/],
    [{ random: { rate: 2, faults: ['MessageRejected'] } }, /random\.rate/],
    [{}, /Missing "fault", "latency" or "random"/],
    [[], /Expected a JSON object/],
    ['{not json', /not valid JSON/],
  ])('rejects %j with 400 and a message that says why', async (body, message) => {
    const response = await postFault(body);
    expect(response.status).toBe(400);
    expect((await json<{ message: string }>(response)).message).toMatch(message);
    expect(server.mock.faults.pending()).toEqual([]);
  });
});

describe('GET /_mock/events', () => {
  it('pushes each accepted message as a server-sent event', async () => {
    const controller = new AbortController();
    const response = await api('/_mock/events', { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    await reader.read();

    const id = await send('live@example.com', 'Live');
    let buffer = '';
    while (!buffer.includes('\n\n') || !buffer.includes('data: {')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
    }
    controller.abort();

    const data = buffer.split('\n').find((line) => line.startsWith('data: {'));
    const message = JSON.parse(data?.slice('data: '.length) ?? '{}') as OutboxMessage;
    expect(message).toMatchObject({ messageId: id, subject: 'Live', to: ['live@example.com'] });
  });
});

describe('many live streams', () => {
  it('serves more than ten streams without a MaxListenersExceededWarning, and ends them on close', async () => {
    const own = await startMockSesServer();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const readers = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const response = await fetch(`${own.url}/_mock/events`);
          const reader = (response.body as ReadableStream<Uint8Array>).getReader();
          await reader.read(); // the first bytes: the stream is open
          return reader;
        }),
      );
      // close() ends every stream: each reader sees the end, and the port is freed.
      await own.close();
      for (const reader of readers) {
        let done = false;
        while (!done) done = (await reader.read()).done;
      }
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await own.close();
    }
  });
});

describe('/_aws/ses (LocalStack convention)', () => {
  type LocalStackList = { messages: Record<string, unknown>[] };

  it('lists messages in LocalStack shape', async () => {
    const id = await send('a@example.com', 'Shape');
    const { messages } = await json<LocalStackList>(await api('/_aws/ses'));
    expect(messages).toEqual([
      {
        Id: id,
        Region: 'us-east-1',
        Timestamp: expect.any(String),
        Destination: { ToAddresses: ['a@example.com'], CcAddresses: [], BccAddresses: [] },
        Source: 'Acme <noreply@acme.test>',
        Subject: 'Shape',
        Body: { text_part: 'Hello\nShape body', html_part: '<h1>Hello</h1><p>Shape body</p>' },
      },
    ]);
    expect(Number.isNaN(Date.parse(messages[0]?.Timestamp as string))).toBe(false);
  });

  it('carries RawData for a raw send', async () => {
    const mime = [
      'From: raw@acme.test',
      'To: a@example.com',
      'Subject: Raw one',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Raw body',
      '',
    ].join('\r\n');
    await client.send(
      new SendEmailCommand({
        Destination: { ToAddresses: ['a@example.com'] },
        Content: { Raw: { Data: new TextEncoder().encode(mime) } },
      }),
    );
    const { messages } = await json<LocalStackList>(await api('/_aws/ses'));
    expect(messages[0]).toMatchObject({
      Source: 'raw@acme.test',
      Subject: 'Raw one',
      RawData: mime,
    });
  });

  it('filters by id and by source email', async () => {
    const first = await send('a@example.com');
    await send('b@example.com');
    const byId = await json<LocalStackList>(await api(`/_aws/ses?id=${first}`));
    expect(byId.messages.map((m) => m.Id)).toEqual([first]);
    const bySource = await json<LocalStackList>(await api('/_aws/ses?email=noreply@acme.test'));
    expect(bySource.messages).toHaveLength(2);
    const other = await json<LocalStackList>(await api('/_aws/ses?email=someone@else.test'));
    expect(other.messages).toEqual([]);
  });

  it('deletes one message by id, or all of them', async () => {
    const first = await send('a@example.com');
    const second = await send('b@example.com');
    expect((await api(`/_aws/ses?id=${first}`, { method: 'DELETE' })).status).toBe(204);
    expect(server.mock.outbox.all().map((m) => m.messageId)).toEqual([second]);
    expect((await api('/_aws/ses', { method: 'DELETE' })).status).toBe(204);
    expect(server.mock.outbox.size).toBe(0);
  });
});

describe('other routes', () => {
  it('serves the outbox page at / with a strict content security policy', async () => {
    const response = await api('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(await response.text()).toContain('<title>mock-ses outbox</title>');
  });

  it('answers an unknown /_mock route with 404 and the list of routes', async () => {
    const response = await api('/_mock/nope');
    expect(response.status).toBe(404);
    expect((await json<{ message: string }>(response)).message).toMatch(/\/_mock\/outbox/);
  });

  it('resets the whole mock with POST /_mock/reset', async () => {
    await send('a@example.com');
    server.mock.faults.next('MessageRejected');
    const reset = await api('/_mock/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(reset.status).toBe(204);
    expect(server.mock.outbox.size).toBe(0);
    expect(server.mock.faults.pending()).toEqual([]);
  });

  it('leaves SES routes to the engine', async () => {
    const response = await api('/v2/email/nope', { method: 'POST', body: '{}' });
    expect(response.headers.get('x-amzn-requestid')).toEqual(expect.any(String));
  });
});
