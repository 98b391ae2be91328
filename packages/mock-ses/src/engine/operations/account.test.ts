import {
  AccountSuspendedException,
  GetAccountCommand,
  LimitExceededException,
  PutAccountSendingAttributesCommand,
  SendEmailCommand,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import {
  rejectionOf,
  simpleEmail,
  testClient,
  useMswForSes,
} from '../../testing/ses-test-harness.js';

const msw = useMswForSes();
const to = (...addresses: string[]) => simpleEmail({ Destination: { ToAddresses: addresses } });

describe('GetAccount', () => {
  it('reports production defaults when nothing is configured', async () => {
    msw.mockSes();
    const account = await testClient().send(new GetAccountCommand({}));
    expect(account).toMatchObject({
      SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 },
      SendingEnabled: true,
      ProductionAccessEnabled: true,
      EnforcementStatus: 'HEALTHY',
      DedicatedIpAutoWarmupEnabled: false,
    });
  });

  it('reports the sandbox, the configured quotas and recipients sent in the last 24 hours', async () => {
    let now = Date.parse('2024-05-01T00:00:00Z');
    msw.mockSes({ sandbox: true, maxSendRate: 100, max24HourSend: 200, now: () => now });
    const client = testClient();
    await client.send(new SendEmailCommand(to('a@example.com', 'b@example.com')));
    now += 23 * 3600_000;
    await client.send(new SendEmailCommand(to('c@example.com')));
    expect((await client.send(new GetAccountCommand({}))).SendQuota).toEqual({
      Max24HourSend: 200,
      MaxSendRate: 100,
      SentLast24Hours: 3,
    });
    now += 2 * 3600_000;
    const account = await client.send(new GetAccountCommand({}));
    expect(account.SendQuota?.SentLast24Hours).toBe(1);
    expect(account.ProductionAccessEnabled).toBe(false);
  });
});

describe('quotas', () => {
  it('maxSendRate counts recipients per second: 429 TooManyRequestsException, retried', async () => {
    let now = 1_000_000;
    const mock = msw.mockSes({ maxSendRate: 3, now: () => now });
    const client = testClient();
    await client.send(new SendEmailCommand(to('a@example.com', 'b@example.com')));
    const error = await rejectionOf(
      client.send(new SendEmailCommand(to('c@example.com', 'd@example.com'))),
    );
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.message).toBe('Maximum sending rate exceeded.');
    expect((error.$metadata as { httpStatusCode: number; attempts: number }).attempts).toBe(3);
    expect(mock.requests.operations('SendEmail').map((e) => e.status)).toEqual([
      200, 429, 429, 429,
    ]);
    await client.send(new SendEmailCommand(to('c@example.com')));
    now += 1001;
    await client.send(new SendEmailCommand(to('d@example.com', 'e@example.com')));
    expect(mock.outbox.size).toBe(3);
  });

  it('max24HourSend over a rolling day: LimitExceededException "Daily message quota exceeded."', async () => {
    let now = 5_000_000;
    const mock = msw.mockSes({ max24HourSend: 2, now: () => now });
    const client = testClient({ maxAttempts: 1 });
    await client.send(new SendEmailCommand(to('a@example.com', 'b@example.com')));
    const error = await rejectionOf(client.send(new SendEmailCommand(to('c@example.com'))));
    expect(error).toBeInstanceOf(LimitExceededException);
    expect(error.message).toBe('Daily message quota exceeded.');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
    now += 24 * 3600_000 + 1;
    await client.send(new SendEmailCommand(to('c@example.com')));
    expect(mock.outbox.size).toBe(2);
  });
});

describe('sending enabled', () => {
  it('sendingEnabled: false answers SendingPausedException (not retried)', async () => {
    const mock = msw.mockSes({ sendingEnabled: false });
    const error = await rejectionOf(testClient().send(new SendEmailCommand(simpleEmail())));
    expect(error).toBeInstanceOf(SendingPausedException);
    expect(error.message).toBe('Sending is paused for this account.');
    expect(mock.requests.operations()).toHaveLength(1);
  });

  it('PutAccountSendingAttributes pauses and resumes sending, and GetAccount shows it', async () => {
    const mock = msw.mockSes();
    const client = testClient();
    await client.send(new PutAccountSendingAttributesCommand({ SendingEnabled: false }));
    expect(mock.account.sendingEnabled).toBe(false);
    expect((await client.send(new GetAccountCommand({}))).SendingEnabled).toBe(false);
    expect(await rejectionOf(client.send(new SendEmailCommand(simpleEmail())))).toBeInstanceOf(
      SendingPausedException,
    );
    await client.send(new PutAccountSendingAttributesCommand({ SendingEnabled: true }));
    await client.send(new SendEmailCommand(simpleEmail()));
    expect(mock.outbox.size).toBe(1);
    mock.reset();
    expect(mock.account.sendingEnabled).toBe(true);
  });

  it('a SHUTDOWN account answers AccountSuspendedException', async () => {
    msw.mockSes({ enforcementStatus: 'SHUTDOWN' });
    const error = await rejectionOf(testClient().send(new SendEmailCommand(simpleEmail())));
    expect(error).toBeInstanceOf(AccountSuspendedException);
  });
});
