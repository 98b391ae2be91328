import { type CheckReport, ConnectorError } from '@org/connector-core';
import { useMockSes } from '@org/mock-ses/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import type { AwsSesConnector } from './index.js';
import { createAwsSesConnector } from './index.js';

const mock = useMockSes({
  identities: ['acme.test'],
  configurationSets: ['transactional'],
  credentials: {
    accessKeyId: fakeCredentials.accessKeyId,
    secretAccessKey: fakeCredentials.accessKeySecret,
  },
});

let connector: AwsSesConnector | undefined;
afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

function connect(overrides: Record<string, unknown> = {}): AwsSesConnector {
  connector = createAwsSesConnector({
    ...fakeCredentials,
    region: 'us-east-1',
    emailAddress: 'Acme <noreply@acme.test>',
    templates,
    ...overrides,
  });
  return connector;
}

async function check(overrides: Record<string, unknown> = {}): Promise<CheckReport> {
  return connect(overrides).check();
}

function item(report: CheckReport, name: string) {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check named ${name} in ${JSON.stringify(report.checks)}`);
  return found;
}

describe('check()', () => {
  it('passes a healthy production setup and sends nothing', async () => {
    const report = await check({ configurationSetName: 'transactional' });
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['account', 'pass'],
      ['sandbox', 'pass'],
      ['quota', 'pass'],
      ['sender identity', 'pass'],
      ['configuration set', 'pass'],
    ]);
    expect(item(report, 'sender identity').detail).toMatch(
      /domain acme\.test is verified .*covers noreply@acme\.test/,
    );
    expect(item(report, 'quota').detail).toMatch(
      /0 of 50000 emails sent in the last 24 hours .*max send rate 14/,
    );
    expect(mock.outbox.size).toBe(0);
    expect(mock.requests.operations('SendEmail')).toHaveLength(0);
    expect(
      mock.requests
        .operations()
        .map((r) => r.operation)
        .sort(),
    ).toEqual(['GetAccount', 'GetConfigurationSet', 'GetEmailIdentity', 'GetEmailIdentity']);
  });

  it('passes an address identity', async () => {
    mock.identities.remove('acme.test');
    mock.identities.verify('noreply@acme.test');
    const report = await check();
    expect(item(report, 'sender identity')).toMatchObject({
      status: 'pass',
      detail: 'noreply@acme.test is verified for sending in us-east-1.',
    });
  });

  it('warns about the sandbox with a hint to request production access', async () => {
    mock.account.sandbox = true;
    const report = await check();
    expect(report.ok).toBe(true);
    expect(item(report, 'sandbox')).toMatchObject({
      status: 'warn',
      hint: expect.stringMatching(/Request production access/),
    });
  });

  it('fails when sending is disabled', async () => {
    mock.account.sendingEnabled = false;
    const report = await check();
    expect(report.ok).toBe(false);
    expect(item(report, 'account')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/Sending is disabled/),
    });
  });

  it('fails when the account is shut down', async () => {
    mock.account.enforcementStatus = 'SHUTDOWN';
    const report = await check();
    expect(report.ok).toBe(false);
    expect(item(report, 'account')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/SHUTDOWN/),
    });
  });

  it('warns when the daily quota is nearly spent and fails when it is spent', async () => {
    mock.account.max24HourSend = 2;
    const ses = connect();
    await ses.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code: '1' } });
    expect(item(await ses.check(), 'quota')).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/1 of 2/),
    });
    await ses.sendMessage({ to: 'bob@example.com', type: 'SignIn', payload: { code: '2' } });
    const report = await ses.check();
    expect(report.ok).toBe(false);
    expect(item(report, 'quota')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/2 of 2 .*\(0 left\)/),
      hint: expect.stringMatching(/quota increase/),
    });
  });

  it('fails an unverified sender, naming address, domain and region', async () => {
    const report = await check({ emailAddress: 'noreply@elsewhere.test' });
    expect(report.ok).toBe(false);
    expect(item(report, 'sender identity')).toMatchObject({
      status: 'fail',
      detail: 'Neither noreply@elsewhere.test nor elsewhere.test is an SES identity in us-east-1.',
      hint: expect.stringMatching(
        /Create and verify an identity for elsewhere\.test .*region us-east-1/,
      ),
    });
  });

  it('warns instead of failing when the sender is authorized through another account', async () => {
    const arn = 'arn:aws:ses:us-east-1:210987654321:identity/partner.test';
    const report = await check({
      emailAddress: 'noreply@partner.test',
      emailAddressIdentityArn: arn,
    });
    expect(report.ok).toBe(true);
    expect(item(report, 'sender identity')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining(arn),
      hint: expect.stringMatching(/sending authorization policy/),
    });
  });

  it('fails a configuration set that does not exist', async () => {
    const report = await check({ configurationSetName: 'missing-set' });
    expect(report.ok).toBe(false);
    expect(item(report, 'configuration set')).toMatchObject({
      status: 'fail',
      detail: 'The configuration set missing-set does not exist in us-east-1.',
    });
  });

  it.each([
    ['GetAccount', 'account', 1],
    ['GetEmailIdentity', 'sender identity', 2],
    ['GetConfigurationSet', 'configuration set', 1],
  ])('warns, naming ses:%s, when the IAM policy lacks it', async (operation, name, times) => {
    mock.faults.next('AccessDeniedException', { operation, times });
    const report = await check({ configurationSetName: 'transactional' });
    expect(report.ok).toBe(true);
    expect(item(report, name)).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining(`ses:${operation}`),
      hint: expect.stringContaining(`Add ses:${operation} to the IAM policy`),
    });
  });

  it('fails with the credential problem when the keys are wrong', async () => {
    const report = await check({ accessKeySecret: 'wrong-secret-value' });
    expect(report.ok).toBe(false);
    const account = item(report, 'account');
    expect(account.status).toBe('fail');
    expect(account.hint).toMatch(/accessKeySecret/);
    expect(JSON.stringify(report)).not.toContain('wrong-secret-value');
  });

  it('rejects with aborted when the caller aborts', async () => {
    const ses = connect();
    const controller = new AbortController();
    controller.abort();
    const error = await ses.check({ signal: controller.signal }).catch((e: unknown) => e);
    expect(ConnectorError.isInstance(error) && error.code).toBe('aborted');
  });
});
