import { conformanceTemplates } from '@org/connector-conformance';
import type { Template } from '@org/connector-core';
import type { SmtpMock } from '@org/mock-smtp';

export const credentials = { user: 'app', pass: 'app-smtp-password-0123456789' };

export const templates: Template[] = [...conformanceTemplates];

/** A config that talks to `mock`: STARTTLS required, its certificate trusted, its login. */
export function configFor(mock: SmtpMock, overrides: Record<string, unknown> = {}) {
  return {
    host: mock.host,
    port: mock.port,
    requireTLS: mock.certificate !== undefined,
    ...(mock.certificate === undefined
      ? {}
      : { tls: { ca: mock.certificate, servername: 'localhost' } }),
    auth: { ...credentials },
    fromEmail: 'Acme <noreply@acme.example>',
    templates,
    ...overrides,
  };
}

export const signIn = (to: string, code = '123456') =>
  ({ to, type: 'SignIn', payload: { code, link: 'https://acme.example/verify' } }) as const;
