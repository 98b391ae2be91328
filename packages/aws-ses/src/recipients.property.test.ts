import { ConnectorError, formatMailbox, parseMailbox } from '@org/connector-core';
import { useMockSes } from '@org/mock-ses/vitest';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import { createAwsSesConnector } from './index.js';

// Wide in CI (the issue asks for 2000 runs), quick on a laptop. Most strings are refused
// before the wire, so the few hundred real sends stay within seconds.
const numRuns = process.env.CI ? 2000 : 200;

const mock = useMockSes({ identities: ['acme.test'] });

/** The raw SendEmail bodies as they left the SDK, before the mock parsed anything. */
let wire: Promise<string>[] = [];
const record = ({ request }: { request: Request }) => {
  if (new URL(request.url).pathname === '/v2/email/outbound-emails') {
    wire.push(request.clone().text());
  }
};
beforeEach(() => {
  wire = [];
  mock.server.events.on('request:start', record);
});
afterEach(() => {
  mock.server.events.removeListener('request:start', record);
});

/** Characters that break mail headers or addresses, with ordinary and non-ASCII ones. */
const hostileUnit = fc.constantFrom(
  ...'aZ09.-_+@<>"\' ,;:\\=?()[]&#/%!'.split(''),
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u2028',
  'é',
  'ß',
  '名',
  '😀',
  '=?UTF-8?B?',
  '?=',
);

const mailboxLike = fc
  .tuple(
    fc.constantFrom('', 'Ada ', '"Acme, Inc." ', 'Zoë ', '"a\\"b" '),
    fc.constantFrom('ada', 'first.last+tag', 'x', '"quoted local"'),
    fc.constantFrom('example.com', 'mail.example.org', 'bücher.de', '[127.0.0.1]', 'localhost'),
  )
  .map(([name, local, domain]) =>
    name === '' ? `${local}@${domain}` : `${name}<${local}@${domain}>`,
  );

const spliced = (base: fc.Arbitrary<string>, insert: fc.Arbitrary<string>) =>
  fc.tuple(base, insert, fc.nat()).map(([text, extra, at]) => {
    const index = at % (text.length + 1);
    return text.slice(0, index) + extra + text.slice(index);
  });

const recipient: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: hostileUnit, maxLength: 30 }),
  mailboxLike,
  spliced(
    mailboxLike,
    fc.constantFrom('\r\nBcc: eve@evil.example', '\n', '\r', '\r\n', ',eve@evil.example'),
  ),
  spliced(mailboxLike, fc.string({ unit: hostileUnit, minLength: 1, maxLength: 4 })),
  fc
    .string({ unit: hostileUnit, maxLength: 12 })
    .map((name) => `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <ada@example.com>`),
);

function parses(text: string): boolean {
  try {
    parseMailbox(text);
    return true;
  } catch {
    return false;
  }
}

interface WireBody {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: {
    Simple?: { Subject?: { Data?: string }; Headers?: { Name: string; Value: string }[] };
  };
}

describe('recipients through the real SES connector', () => {
  it('reach the wire only when parseMailbox accepts them, as one address without CR/LF', async () => {
    const connector = createAwsSesConnector({
      ...fakeCredentials,
      region: 'us-east-1',
      emailAddress: 'Acme <noreply@acme.test>',
      templates,
      maxAttempts: 1,
    });
    try {
      await fc.assert(
        fc.asyncProperty(recipient, async (to) => {
          const before = wire.length;
          let error: ConnectorError | undefined;
          try {
            await connector.sendMessage({ to, type: 'SignIn', payload: { code: '123456' } });
          } catch (caught) {
            if (!ConnectorError.isInstance(caught)) throw caught;
            error = caught;
          }

          if (!parses(to)) {
            expect(error?.code).toBe('invalid_request_parameters');
            expect(wire).toHaveLength(before);
            return;
          }
          expect(wire).toHaveLength(before + 1);
          const raw = await (wire.at(-1) as Promise<string>);
          const body = JSON.parse(raw) as WireBody;
          expect(body.Destination).toEqual({ ToAddresses: [formatMailbox(parseMailbox(to))] });
          // Every header SES builds from the request: none may carry a line break.
          const headerFields = [
            body.FromEmailAddress,
            ...(body.Destination?.ToAddresses ?? []),
            body.Content?.Simple?.Subject?.Data,
            ...(body.Content?.Simple?.Headers ?? []).flatMap((h) => [h.Name, h.Value]),
          ];
          for (const field of headerFields) expect(field).not.toMatch(/[\r\n]/);
          // Accepted, or refused by SES itself: never refused in a way that hides the cause.
          if (error) expect(error.provider).toBe('aws-ses');
        }),
        { numRuns },
      );
    } finally {
      await connector.close();
    }
  }, 120_000);
});
