import { type ConformanceHarness, conformanceTemplates } from '@org/connector-conformance';
import type { MockPostmark } from '@org/mock-postmark';
import { createPostmarkConnector } from '../src/index.js';

export const serverToken = 'pm-server-token-0123456789';
export const accountToken = 'pm-account-token-0123456789';

export function postmarkHarness(mock: MockPostmark, baseUrl?: string): ConformanceHarness {
  mock.reset();
  const validConfig = {
    serverToken,
    accountToken,
    emailAddress: 'Conformance <noreply@conformance.example>',
    templates: [...conformanceTemplates],
    ...(baseUrl === undefined ? {} : { baseUrl }),
  };
  return {
    validConfig,
    fromAddress: 'noreply@conformance.example',
    createConnector: (overrides, options) =>
      createPostmarkConnector({ ...validConfig, ...overrides }, options),
    invalidConfigs: [
      { config: { serverToken: undefined }, field: 'serverToken' },
      { config: { emailAddress: 'not a mailbox' }, field: 'emailAddress' },
      { config: { messageStream: 'Not A Stream!' }, field: 'messageStream' },
      { config: { trackLinks: 'Always' }, field: 'trackLinks' },
      { config: { baseUrl: 'ftp://api.postmarkapp.com' }, field: 'baseUrl' },
      { config: { metadata: { usage_type: 'x' } }, field: 'metadata' },
      { config: { templates: [] }, field: 'templates' },
    ],
    secrets: [serverToken, accountToken],
    requestTimeout: { overrides: { requestTimeoutMs: 300 }, ms: 300 },
    replyToOverrides: (addresses) => ({ replyTo: [...addresses] }),
    tagsOverrides: (tags) => ({ metadata: { ...tags } }),
    headersOverrides: (headers) => ({ headers: { ...headers } }),
    invalidCredentials: { serverToken: 'pm-wrong-token-0000000000' },
    mock: mock.asProviderMock(),
  };
}

export const mockOptions = {
  serverTokens: [serverToken],
  accountTokens: [accountToken],
  senderSignatures: [{ domain: 'conformance.example' }],
};
