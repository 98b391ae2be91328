import {
  conformanceTemplates,
  describeEmailConnectorConformance,
} from '@org/connector-conformance';
import { type SmtpMock, startSmtpMock } from '@org/mock-smtp';
import { afterAll, beforeAll } from 'vitest';
import { createSmtpConnector } from '../src/index.js';

const credentials = { user: 'conformance', pass: 'smtp-conformance-password-0123456789' };

// One real SMTP server for the file (STARTTLS with a certificate made now, AUTH required);
// setup() resets it before every test.
let mock: SmtpMock;
beforeAll(async () => {
  mock = await startSmtpMock({ auth: credentials });
});
afterAll(() => mock.close());

describeEmailConnectorConformance({
  name: 'smtp (in-process SMTP server, STARTTLS + AUTH)',
  setup() {
    mock.reset();
    const validConfig = {
      host: mock.host,
      port: mock.port,
      requireTLS: true,
      tls: { ca: mock.certificate, servername: 'localhost' },
      auth: { ...credentials },
      fromEmail: 'Conformance <noreply@conformance.example>',
      templates: [...conformanceTemplates],
    };
    return {
      validConfig,
      fromAddress: 'noreply@conformance.example',
      createConnector: (overrides, options) =>
        createSmtpConnector({ ...validConfig, ...overrides }, options),
      invalidConfigs: [
        { config: { host: undefined }, field: 'host' },
        { config: { port: 70_000 }, field: 'port' },
        { config: { fromEmail: 'not a mailbox' }, field: 'fromEmail' },
        { config: { auth: { user: credentials.user } }, field: 'auth.pass' },
        { config: { ignoreTLS: true }, field: 'requireTLS' },
        { config: { templates: [] }, field: 'templates' },
      ],
      secrets: [credentials.pass],
      // The reply timeout bounds each attempt: a server silent for longer ends it.
      requestTimeout: { overrides: { socketTimeoutMs: 300 }, ms: 300 },
      replyToOverrides: (addresses) => ({ replyTo: [...addresses] }),
      tagsOverrides: (tags) => ({ tags: { ...tags } }),
      headersOverrides: (headers) => ({ headers: { ...headers } }),
      invalidCredentials: {
        auth: { user: credentials.user, pass: 'wrong-smtp-password-0000000000' },
      },
      mock,
    };
  },
});
