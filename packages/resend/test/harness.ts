import { type ConformanceHarness, conformanceTemplates } from '@org/connector-conformance';
import type { MockResend } from '@org/mock-resend';
import { createResendConnector } from '../src/index.js';

export const apiKey = 're_conformance_0123456789abcdef';

export function resendHarness(mock: MockResend, baseUrl?: string): ConformanceHarness {
  mock.reset();
  const validConfig = {
    apiKey,
    emailAddress: 'Conformance <noreply@conformance.example>',
    templates: [...conformanceTemplates],
    ...(baseUrl === undefined ? {} : { baseUrl }),
  };
  return {
    validConfig,
    fromAddress: 'noreply@conformance.example',
    createConnector: (overrides, options) =>
      createResendConnector({ ...validConfig, ...overrides }, options),
    invalidConfigs: [
      { config: { apiKey: undefined }, field: 'apiKey' },
      { config: { apiKey: 'sk_not_resend' }, field: 'apiKey' },
      { config: { emailAddress: 'not a mailbox' }, field: 'emailAddress' },
      { config: { baseUrl: 'ftp://api.resend.com' }, field: 'baseUrl' },
      { config: { tags: { 'bad tag': 'x' } }, field: 'tags' },
      { config: { templates: [] }, field: 'templates' },
    ],
    secrets: [apiKey],
    requestTimeout: { overrides: { requestTimeoutMs: 300 }, ms: 300 },
    replyToOverrides: (addresses) => ({ replyTo: [...addresses] }),
    tagsOverrides: (tags) => ({ tags: { ...tags } }),
    headersOverrides: (headers) => ({ headers: { ...headers } }),
    invalidCredentials: { apiKey: 're_wrong_0000000000000000' },
    mock: mock.asProviderMock(),
  };
}
