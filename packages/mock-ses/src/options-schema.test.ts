import { describe, expect, it } from 'vitest';
import { createMockSes } from './create-mock-ses.js';
import { MockSesInputError } from './mock-ses-input-error.js';
import { startMockSesServer } from './server/start-mock-ses-server.js';
import type { MockSesOptions, MockSesServerOptions } from './types.js';

const bad: [string, unknown, RegExp][] = [
  ['identities: [5]', { identities: [5] }, /identities\.0 must be an email address or a domain/],
  ['identities: ["not an address"]', { identities: ['a b'] }, /identities\.0 must be an email/],
  ["now: 'x'", { now: 'x' }, /now must be a function returning ms since the epoch/],
  ["region: 'x\\r\\ny'", { region: 'x\r\ny' }, /region must be an AWS region code/],
  [
    "enforcementStatus: 'NOPE'",
    { enforcementStatus: 'NOPE' },
    /enforcementStatus must be HEALTHY, PROBATION or SHUTDOWN \(got "NOPE"\)/,
  ],
  ['maxSendRate: 0', { maxSendRate: 0 }, /maxSendRate must be a positive number/],
  ['max24HourSend: NaN', { max24HourSend: Number.NaN }, /max24HourSend must be a positive number/],
  ['sandbox: "yes"', { sandbox: 'yes' }, /sandbox/],
  ['seed: 1.5', { seed: 1.5 }, /seed/],
  ['templates: [{}]', { templates: [{}] }, /templates\.0\.name/],
  ['configurationSets: ["a b"]', { configurationSets: ['a b'] }, /configurationSets\.0/],
  [
    'credentials without a secret',
    { credentials: { accessKeyId: 'AKID' } },
    /credentials\.secretAccessKey/,
  ],
  ['options: 5', 5, /options must be an object/],
];

describe('createMockSes options are checked at startup', () => {
  it.each(bad)('refuses %s with MockSesInputError naming the option', (_, options, message) => {
    let thrown: unknown;
    try {
      createMockSes(options as MockSesOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MockSesInputError);
    expect(thrown).toMatchObject({ code: 'invalid_options' });
    expect((thrown as Error).message).toMatch(/^createMockSes: /);
    expect((thrown as Error).message).toMatch(message);
  });

  it('never echoes a secret it refuses', () => {
    const secret = 'super-secret-value-123';
    expect(() =>
      createMockSes({
        credentials: { accessKeyId: 'bad key with spaces', secretAccessKey: secret },
      }),
    ).toThrow(/credentials\.accessKeyId/);
    try {
      createMockSes({ credentials: [{ accessKeyId: 'A', secretAccessKey: 5 as never }] });
    } catch (error) {
      expect(String(error)).not.toContain(secret);
      expect((error as Error).message).toMatch(/credentials\.0\.secretAccessKey must be a string/);
    }
  });

  it('accepts every documented option, and options it does not know of', () => {
    expect(() =>
      createMockSes({
        region: 'us-gov-west-1',
        endpoints: ['http://localhost:4566'],
        identities: ['acme.test', 'ada@example.com'],
        sandbox: true,
        maxSendRate: 0.5,
        max24HourSend: 200,
        sendingEnabled: false,
        credentials: [{ accessKeyId: 'AKID', secretAccessKey: 's', sessionToken: 't' }],
        seed: 7,
        now: () => 0,
        templates: [{ name: 'welcome', subject: 'Hi', text: 'Hello' }],
        configurationSets: ['transactional'],
        enforcementStatus: 'PROBATION',
        ...({ someFutureOption: true } as object),
      }),
    ).not.toThrow();
  });
});

describe('startMockSesServer options', () => {
  it.each([
    [{ port: 70_000 }, /port/],
    [{ host: '127.0.0.1\r\nx' }, /host must be a host name or an IP address/],
    [{ identities: [5] }, /identities\.0/],
  ])('rejects %j before listening', async (options, message) => {
    await expect(startMockSesServer(options as MockSesServerOptions)).rejects.toThrow(message);
    await expect(startMockSesServer(options as MockSesServerOptions)).rejects.toBeInstanceOf(
      MockSesInputError,
    );
  });
});
