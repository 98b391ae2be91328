import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockSes } from '../create-mock-ses.js';
import { MockSesInputError } from '../mock-ses-input-error.js';
import { startMockSesServer } from '../server/start-mock-ses-server.js';
import type { Fault, MockSesServer } from '../types.js';

// Each run is a real HTTP round trip: fewer than the in-process suites, wider in CI.
const numRuns = process.env.CI ? 400 : 100;
const SECRET = 'mock-ses-property-secret-Zq9';

let server: MockSesServer;
let signed: MockSesServer;

beforeAll(async () => {
  server = await startMockSesServer();
  signed = await startMockSesServer({
    credentials: { accessKeyId: 'AKIDPROPERTY', secretAccessKey: SECRET, sessionToken: 'tok' },
  });
});

afterAll(async () => {
  await server.close();
  await signed.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  target: MockSesServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Answer | 'reset'> {
  const { hostname, port } = new URL(target.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
      res.on('error', () => resolve('reset'));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      // An injected network_error fault resets the connection: a defined outcome, not a crash.
      error.code === 'ECONNRESET' ? resolve('reset') : reject(error),
    );
    req.end(body);
  });
}

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('日', 'X\r\nSet-Cookie: a=b', '', ' ', '%E0%A4%A', '../..', '__proto__'),
);

const status = fc.oneof(
  fc.integer({ min: 400, max: 599 }),
  fc.constantFrom(99, 100, 200, 204, 302, 600, 1000, -1, 500.5, Number.MAX_SAFE_INTEGER),
);

/** Fault specs near the valid shape and far from it. */
const faultSpec: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'MessageRejected',
    'TooManyRequestsException',
    'internal_error',
    'service_unavailable',
    'network_error',
    'latency',
    'Nope',
  ),
  text,
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom('custom', 'MessageRejected', 'latency', 'nope'), text),
      status,
      type: fc.oneof(text, fc.constantFrom('TeapotException', 'aws.protocols#X')),
      message: text,
      latencyMs: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 1e12, 0.5)),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const faultBody = fc.oneof(
  fc.record(
    {
      fault: faultSpec,
      times: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom('always', 1.5, 'x')),
      operation: fc.oneof(
        fc.constantFrom('SendEmail', 'GetAccount', ['SendEmail']),
        text,
        fc.array(text, { maxLength: 3 }),
      ),
    },
    { requiredKeys: ['fault'] },
  ),
  fc.record({ latency: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 1e12, 'x')) }),
  fc.record({
    random: fc.record(
      {
        rate: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, 2, 'x')),
        faults: fc.array(faultSpec, { maxLength: 3 }),
        seed: fc.oneof(fc.integer(), fc.constantFrom(0.5, 'x')),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

const path = fc.oneof(
  fc.constantFrom(
    '/',
    '/index.html',
    '/_mock/health',
    '/_mock/outbox',
    '/_mock/outbox/nope',
    '/_mock/outbox/%E0%A4%A.eml',
    '/_mock/requests?operation=SendEmail',
    '/_mock/faults',
    '/_mock/reset',
    '/_mock/nope',
    '/_mock/outbox?since=nonsense',
    '/_aws/ses?id=x&email=y',
    '/v2/email/outbound-emails',
    '/v2/email/account',
    '/v2/email/identities/%E0%A4%A',
    '/v2/email/templates/x/render',
    '/v2/email/nope',
    '//evil/_mock/faults',
    '/_mock/../_mock/faults',
  ),
  text.map((t) => `/${encodeURIComponent(t)}`),
);

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');

const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-8',
    ),
    origin: fc.constantFrom('null', 'https://evil.example', 'http://localhost:3000'),
    'sec-fetch-site': fc.constantFrom('cross-site', 'same-site', 'same-origin', 'none'),
    host: fc.constantFrom('localhost', 'rebind.evil.example', 'a b', 'x:99999999', '[::1]'),
    authorization: fc.constantFrom(
      'AWS4-HMAC-SHA256 Credential=AKIDPROPERTY/20240101/us-east-1/ses/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
      'AWS4-HMAC-SHA256 Credential=AKIDPROPERTY/20240101/r\u00e9gion/ses/aws4_request',
      'Basic Zm9vOmJhcg==',
      'AWS4-ECDSA-P256-SHA256 x',
    ),
    'x-amz-date': fc.constantFrom('20240101T000000Z', '20991231T235959Z', 'yesterday'),
    'x-amz-security-token': fc.constantFrom('tok', 'wrong'),
    'amz-sdk-request': fc.constantFrom('attempt=1; max=3', 'attempt=x', ';;;'),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  faultBody.map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constant(undefined),
);

function expectWellFormed(answer: Answer | 'reset', method = 'GET') {
  if (answer === 'reset') return;
  const ok = answer.status >= 200 && answer.status < 300;
  const error = answer.status >= 400 && answer.status < 600;
  expect(ok || error, `status ${answer.status}`).toBe(true);
  expect(answer.body).not.toContain(SECRET);
  const type = String(answer.headers['content-type'] ?? '');
  if (error && method !== 'HEAD' && type.startsWith('application/json')) {
    const parsed = JSON.parse(answer.body) as { message?: unknown };
    expect(typeof parsed.message).toBe('string');
  }
}

describe('the mock HTTP API, tried wide', () => {
  it('answers any request with a success or a well-formed 4xx/5xx, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('open', 'signed'),
        method,
        path,
        headers,
        body,
        async (which, m, p, h, b) => {
          const target = which === 'open' ? server : signed;
          const withBody = m === 'GET' || m === 'HEAD' ? undefined : b;
          expectWellFormed(await send(target, m, p, h, withBody), m);
        },
      ),
      { numRuns },
    );
    for (const target of [server, signed]) {
      target.mock.faults.clear();
      const health = await send(target, 'GET', '/_mock/health', {}, undefined);
      expect(health !== 'reset' && health.status).toBe(200);
    }
  });

  it('registers only fault specs it can answer, and then answers them well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(faultBody, async (spec) => {
        server.mock.faults.clear();
        const registered = await send(
          server,
          'POST',
          '/_mock/faults',
          { 'content-type': 'application/json' },
          JSON.stringify(spec),
        );
        expectWellFormed(registered);
        if (registered === 'reset') throw new Error('a control call must never be reset');
        expect([201, 400]).toContain(registered.status);
        if (registered.status === 400) expect(server.mock.faults.pending()).toEqual([]);
        expectWellFormed(await send(server, 'GET', '/v2/email/account', {}, undefined));
      }),
      { numRuns },
    );
    server.mock.faults.clear();
  });

  it('refuses a control body over its cap unread, with 413', async () => {
    const big = `{"fault":"MessageRejected","pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const answer = await send(
      server,
      'POST',
      '/_mock/faults',
      { 'content-type': 'application/json' },
      big,
    );
    expect(answer !== 'reset' && answer.status).toBe(413);
    expect(server.mock.faults.pending()).toEqual([]);
  });
});

describe('fault specs in-process, tried wide', () => {
  it('either refuses a spec with MockSesInputError or answers it well-formed', async () => {
    const mock = createMockSes();
    const request = () => new Request('https://email.us-east-1.amazonaws.com/v2/email/account');
    await fc.assert(
      fc.asyncProperty(faultSpec, async (fault) => {
        mock.faults.clear();
        try {
          mock.faults.next(fault as Fault);
        } catch (error) {
          expect(error).toBeInstanceOf(MockSesInputError);
          expect(mock.faults.pending()).toEqual([]);
          return;
        }
        const response = await mock.handle(request());
        if (response.type === 'error') return; // network_error: a dropped connection
        expect(response.status === 200 || (response.status >= 400 && response.status < 600)).toBe(
          true,
        );
      }),
      { numRuns: numRuns * 5 },
    );
  });
});
