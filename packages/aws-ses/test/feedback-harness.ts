import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import type { FeedbackHarness } from '@org/connector-conformance';
import { createMemorySuppressionStore, type DeliveryEvent } from '@org/connector-core';
import type { MockSes } from '@org/mock-ses';
import type { VitestMockSes } from '@org/mock-ses/vitest';
import { http } from 'msw';
import {
  createSesFeedbackHandler,
  type SesFeedbackHandler,
  toNodeListener,
} from '../src/feedback/index.js';
import { conformanceCredentials } from './conformance-harness.js';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:conformance-feedback';
const simulator = (local: string) => `${local}@simulator.amazonses.com`;

/** One node http endpoint per test file for the server run; each test swaps in its handler. */
let appServer: { server: Server; url: string; handler?: SesFeedbackHandler } | undefined;
async function localEndpoint(): Promise<NonNullable<typeof appServer>> {
  if (appServer) return appServer;
  const state: { server?: Server; url: string; handler?: SesFeedbackHandler } = { url: '' };
  const server = createServer((req, res) => {
    const handler = state.handler;
    if (!handler) {
      res.writeHead(503).end();
      return;
    }
    void toNodeListener(handler)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ses-feedback`;
  appServer = Object.assign(state, { server });
  return appServer;
}

/**
 * SES feedback for the conformance suite, on the mock: a configuration set with an SNS event
 * destination, an HTTP subscription confirmed by the feedback handler (through msw, or a local
 * node server when `endpoint` is the mock server's URL), and a fresh suppression store.
 */
export async function sesFeedbackHarness(
  mock: MockSes,
  endpoint?: string,
): Promise<FeedbackHarness> {
  const events: DeliveryEvent[] = [];
  const suppressionStore = createMemorySuppressionStore();
  const mockOrigin = endpoint === undefined ? undefined : new URL(endpoint).origin;
  const handler = createSesFeedbackHandler({
    topicArns: [topicArn],
    suppressionStore,
    onEvents: (batch) => void events.push(...batch),
    confirmSubscriptions: true,
    // The server run serves the certificate over http on loopback; msw uses the real SNS host.
    ...(mockOrigin === undefined
      ? {}
      : { unsafeTrustedUrl: (url: URL) => url.origin === mockOrigin }),
  });
  let subscriber: string;
  if (endpoint === undefined) {
    subscriber = 'https://app.conformance.example/ses-feedback';
    (mock as VitestMockSes).server.use(http.post(subscriber, ({ request }) => handler(request)));
  } else {
    const local = await localEndpoint();
    local.handler = handler;
    subscriber = local.url;
  }
  const client = new SESv2Client({
    region: 'us-east-1',
    ...(endpoint === undefined ? {} : { endpoint }),
    credentials: conformanceCredentials,
  });
  try {
    await client.send(
      new CreateConfigurationSetCommand({ ConfigurationSetName: 'conformance-feedback' }),
    );
    await client.send(
      new CreateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: 'conformance-feedback',
        EventDestinationName: 'sns',
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT'],
          SnsDestination: { TopicArn: topicArn },
        },
      }),
    );
  } finally {
    client.destroy();
  }
  await mock.sns.subscribe(topicArn, subscriber);
  return {
    recipients: {
      hardBounce: simulator('bounce'),
      complaint: simulator('complaint'),
      delivered: simulator('success'),
    },
    configOverrides: { configurationSetName: 'conformance-feedback' },
    async events() {
      await mock.sns.idle();
      return [...events];
    },
    suppressionStore,
  };
}
