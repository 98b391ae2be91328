// Issue 11: when SES (or a proxy in front of it) quotes the request body in its error, the code
// must not survive anywhere in the error a log serializer could walk.
import { inspect } from 'node:util';
import { ConnectorError } from '@org/connector-core';
import { useMockSes } from '@org/mock-ses/vitest';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeCredentials, templates } from '../test/fixtures.js';
import { type AwsSesConnector, createAwsSesConnector } from './index.js';

const mock = useMockSes({
  identities: ['acme.test'],
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

describe('an SES error that echoes the request', () => {
  it('leaves neither the code nor a credential in the error or its cause chain', async () => {
    mock.server.use(
      http.post('*/v2/email/outbound-emails', async ({ request }) =>
        HttpResponse.json(
          { message: `Invalid request: ${await request.text()}` },
          { status: 400, headers: { 'x-amzn-errortype': 'BadRequestException' } },
        ),
      ),
    );
    connector = createAwsSesConnector({
      ...fakeCredentials,
      region: 'us-east-1',
      emailAddress: 'Acme <noreply@acme.test>',
      templates,
    });
    const code = '482913';
    let caught: unknown;
    try {
      await connector.sendMessage({ to: 'ada@example.com', type: 'SignIn', payload: { code } });
    } catch (error) {
      caught = error;
    }
    expect(ConnectorError.isInstance(caught)).toBe(true);
    const error = caught as ConnectorError;
    expect(error.code).toBe('invalid_request_parameters');
    const shown = inspect(error, {
      showHidden: true,
      depth: Number.POSITIVE_INFINITY,
      getters: true,
    });
    expect(shown).toContain('Invalid request');
    expect(shown).not.toContain(code);
    expect(shown).not.toContain(fakeCredentials.accessKeySecret);
  });
});
