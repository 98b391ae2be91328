import { createServer } from 'node:net';
import { ConnectorError } from '@org/connector-core';
import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configFor, credentials, templates } from '../test/fixtures.js';
import { createSmtpConnector, type SmtpConnector } from './connector.js';

const opened: SmtpConnector[] = [];
function connect(config: Record<string, unknown>): SmtpConnector {
  const connector = createSmtpConnector(config);
  opened.push(connector);
  return connector;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((connector) => connector.close()));
});

const statuses = (report: { checks: { name: string; status: string }[] }) =>
  Object.fromEntries(report.checks.map((item) => [item.name, item.status]));

describe('check() against a STARTTLS server with AUTH', () => {
  let mock: SmtpMock;
  beforeAll(async () => {
    mock = await startSmtpMock({ auth: credentials });
  });
  afterAll(() => mock.close());

  it('connects, upgrades to TLS, logs in and quits, sending nothing', async () => {
    mock.reset();
    const report = await connect(configFor(mock)).check();
    expect(report.ok).toBe(true);
    expect(statuses(report)).toEqual({
      connection: 'pass',
      tls: 'pass',
      auth: 'pass',
      quit: 'pass',
    });
    expect(report.checks.find((item) => item.name === 'tls')?.detail).toMatch(
      /^STARTTLS with TLSv1\.[23]; the certificate is valid for localhost\.$/,
    );
    expect(mock.messages()).toHaveLength(0);
    expect(mock.requestCount(), 'no delivery attempt').toBe(0);
  });

  it('fails the auth step on wrong credentials, never showing the password', async () => {
    const pass = 'wrong-password-that-must-not-leak';
    const report = await connect(configFor(mock, { auth: { user: 'app', pass } })).check();
    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual({ connection: 'pass', tls: 'pass', auth: 'fail' });
    const auth = report.checks.find((item) => item.name === 'auth');
    expect(auth?.detail).toMatch(/refused the credentials \(535 5\.7\.8/);
    expect(JSON.stringify(report)).not.toContain(pass);
  });

  it('warns when the server offers AUTH but no credentials are configured', async () => {
    const { auth: _auth, ...config } = configFor(mock);
    const report = await connect(config).check();
    expect(report.ok).toBe(true);
    expect(statuses(report)).toMatchObject({ auth: 'warn' });
  });

  it('fails the tls step when the certificate is not trusted, after reaching the server', async () => {
    const { tls: _tls, ...config } = configFor(mock);
    const report = await connect(config).check();
    expect(statuses(report)).toEqual({ connection: 'pass', tls: 'fail' });
    expect(report.checks[1]?.hint).toMatch(/tls\.ca/);
  });

  it('warns about an implicit-TLS setting on a STARTTLS port number', async () => {
    const report = await connect(
      configFor(mock, { secure: true, port: 587, host: '127.0.0.1', connectionTimeoutMs: 500 }),
    ).check();
    expect(report.checks[0]).toMatchObject({ name: 'settings', status: 'warn' });
  });

  it('ends aborted when the signal fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await connect(configFor(mock))
      .check({ signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(ConnectorError.isInstance(error) && error.code).toBe('aborted');
  });
});

describe('check() against other servers', () => {
  it('passes a local relay without TLS or AUTH', async () => {
    const mock = await startSmtpMock({ tls: 'none' });
    try {
      const { auth: _auth, ...config } = configFor(mock);
      const report = await connect(config).check();
      expect(report.ok).toBe(true);
      expect(statuses(report)).toEqual({
        connection: 'pass',
        tls: 'pass',
        auth: 'pass',
        quit: 'pass',
      });
      expect(report.checks[1]?.detail).toMatch(/relay on this machine/);
    } finally {
      await mock.close();
    }
  });

  it('fails the connection step when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const report = await connect({
      host: '127.0.0.1',
      port,
      fromEmail: 'noreply@acme.example',
      templates,
    }).check();
    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual({ connection: 'fail' });
    expect(report.checks[0]?.detail).toMatch(/refused the connection/);
  });
});
