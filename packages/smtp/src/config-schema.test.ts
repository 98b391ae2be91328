import { conformanceTemplates } from '@org/connector-conformance';
import { ConnectorError } from '@org/connector-core';
import { describe, expect, it } from 'vitest';
import { portOf, smtpConfigSchema } from './config-schema.js';
import { createSmtpConnector } from './connector.js';

const base = {
  host: 'smtp.example.com',
  fromEmail: 'Acme <noreply@acme.com>',
  templates: [...conformanceTemplates],
};

function issuesOf(config: Record<string, unknown>): string[] {
  const result = smtpConfigSchema.safeParse(config);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('smtpConfigSchema', () => {
  it('applies the defaults: STARTTLS on 587, 3 attempts, a pool of 5, X-Tags', () => {
    const config = smtpConfigSchema.parse(base);
    expect(portOf(config)).toBe(587);
    expect(config).toMatchObject({
      secure: false,
      requireTLS: false,
      ignoreTLS: false,
      maxAttempts: 3,
      connectionTimeoutMs: 10_000,
      greetingTimeoutMs: 10_000,
      socketTimeoutMs: 30_000,
      pool: { maxConnections: 5, maxMessages: 100 },
      tagHeader: 'X-Tags',
    });
    expect(portOf(smtpConfigSchema.parse({ ...base, secure: true }))).toBe(465);
    expect(portOf(smtpConfigSchema.parse({ ...base, port: 25 }))).toBe(25);
  });

  it('treats blank optional fields and a blank auth block from a setup form as absent', () => {
    const config = smtpConfigSchema.parse({
      ...base,
      name: '',
      replyTo: ' ',
      auth: { user: '', pass: '' },
    });
    expect(config.auth).toBeUndefined();
    expect(config.name).toBeUndefined();
    expect(config.replyTo).toBeUndefined();
  });

  it('accepts one Reply-To address or a list', () => {
    expect(smtpConfigSchema.parse({ ...base, replyTo: 'help@acme.com' }).replyTo).toEqual([
      'help@acme.com',
    ]);
    expect(issuesOf({ ...base, replyTo: ['help@acme.com', 'nope'] })).toEqual([
      expect.stringMatching(/^replyTo\.1: /),
    ]);
  });

  it.each([
    [{ host: 'smtp://smtp.example.com' }, 'host'],
    [{ host: 'smtp.example.com:587' }, 'host'],
    [{ port: 0 }, 'port'],
    [{ fromEmail: 'not a mailbox' }, 'fromEmail'],
    [{ auth: { user: 'app' } }, 'auth.pass'],
    [{ auth: { pass: 'secret-password' } }, 'auth.user'],
    [{ secure: true, ignoreTLS: true }, 'ignoreTLS'],
    [{ requireTLS: true, ignoreTLS: true }, 'requireTLS'],
    [{ tls: { ca: 'not a certificate' } }, 'tls.ca'],
    [{ tls: { verify: false } }, 'tls'],
    [{ headers: { Subject: 'x' } }, 'headers.Subject'],
    [{ headers: { 'Bad Name': 'x' } }, 'headers.Bad Name'],
    [{ headers: { 'X-Tags': 'a=b' } }, 'headers.X-Tags'],
    [{ tags: { usage_type: 'x' } }, 'tags.usage_type'],
    [{ tags: { app: 'has space' } }, 'tags.app'],
    [{ tagHeader: 'X Tags' }, 'tagHeader'],
    [{ pool: { maxConnections: 0 } }, 'pool.maxConnections'],
    [{ maxAttempts: 11 }, 'maxAttempts'],
    [{ socketTimeoutMs: 0 }, 'socketTimeoutMs'],
    [{ name: 'bad name' }, 'name'],
  ])('refuses %j at %s', (override, path) => {
    const issues = issuesOf({ ...base, ...override });
    expect(
      issues.some((issue) => issue.startsWith(`${path}: `)),
      issues.join('\n'),
    ).toBe(true);
  });

  it('names the field and never shows the password in an invalid_config error', () => {
    const pass = 'a-password-that-must-not-leak';
    let caught: unknown;
    try {
      createSmtpConnector({ ...base, auth: { user: 'app', pass }, port: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(ConnectorError.isInstance(caught)).toBe(true);
    const error = caught as ConnectorError;
    expect(error.code).toBe('invalid_config');
    expect(error.message).toContain('port');
    expect(JSON.stringify(error)).not.toContain(pass);
  });

  it('allows tagHeader: false (tags are then not sent)', () => {
    expect(smtpConfigSchema.parse({ ...base, tagHeader: false }).tagHeader).toBe(false);
  });
});
