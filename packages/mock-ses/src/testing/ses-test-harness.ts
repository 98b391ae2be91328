import {
  SESv2Client,
  type SESv2ClientConfig,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockSes } from '../create-mock-ses.js';
import type { MockSes, MockSesOptions } from '../types.js';

export const testCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/**
 * The real client, with static credentials (no credential chain, no network) and the SDK's
 * own retry rules but a 1 ms backoff so retry tests stay fast.
 */
export function testClient(config: Partial<SESv2ClientConfig> = {}): SESv2Client {
  return new SESv2Client({
    region: 'us-east-1',
    credentials: testCredentials,
    retryStrategy: new ConfiguredRetryStrategy(
      config.maxAttempts === undefined ? 3 : Number(config.maxAttempts),
      () => 1,
    ),
    ...config,
  });
}

/** One msw server per test file; `mockSes()` gives each test a fresh mock wired into it. */
export function useMswForSes() {
  const server = setupServer();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
  });
  afterAll(() => {
    server.close();
  });
  return {
    server,
    mockSes(options?: MockSesOptions): MockSes {
      const mock = createMockSes(options);
      server.use(...mock.handlers);
      return mock;
    },
  };
}

export function simpleEmail(overrides: Partial<SendEmailCommandInput> = {}): SendEmailCommandInput {
  return {
    FromEmailAddress: 'Acme <noreply@acme.test>',
    Destination: { ToAddresses: ['user@example.com'] },
    Content: {
      Simple: {
        Subject: { Data: 'Your code', Charset: 'UTF-8' },
        Body: {
          Text: { Data: 'Code: 123456', Charset: 'UTF-8' },
          Html: { Data: '<p>Code: <b>123456</b></p>', Charset: 'UTF-8' },
        },
      },
    },
    ...overrides,
  };
}

/** Resolves to the rejection, failing the test if the promise resolved instead. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
