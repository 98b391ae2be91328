import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesFeedbackHandler, toNodeListener } from '../src/feedback/index.js';
import {
  addSnsEventDestination,
  connectorFor,
  expectLoop,
  feedbackApp,
  topicArn,
} from './feedback-loop.js';

let ses: MockSesServer;
let app: ReturnType<typeof feedbackApp>;
let appServer: Server;
let connector: ReturnType<typeof connectorFor>;

beforeAll(async () => {
  ses = await startMockSesServer({ configurationSets: ['feedback'] });
  app = feedbackApp();
  const mockOrigin = new URL(ses.url).origin;
  const handler = createSesFeedbackHandler({
    topicArns: [topicArn],
    suppressionStore: app.store,
    onEvents: app.onEvents,
    confirmSubscriptions: true,
    // The mock serves its certificate over http on loopback: trusted here explicitly, for the test.
    unsafeTrustedUrl: (url) => url.origin === mockOrigin && url.pathname.startsWith('/_sns/'),
  });
  appServer = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/ses-feedback`;
  await addSnsEventDestination(ses.url);
  // Subscribed through the mock's HTTP control API, as a shell script would.
  const response = await fetch(`${ses.url}/_mock/sns/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ topicArn, endpoint, signatureVersion: '2' }),
  });
  expect(response.status).toBe(201);
  expect(ses.mock.sns.subscriptions()[0]?.status).toBe('Confirmed');
  connector = connectorFor(ses.url, app.store);
});

afterAll(async () => {
  await connector?.close();
  await new Promise((resolve) => appServer?.close(resolve));
  await ses?.close();
});

describe('delivery feedback through the mock server and a node http endpoint', () => {
  const sendCount = () => ses.mock.requests.operations('SendEmail').length;

  it('hard bounce: send → signed SNS POST → suppressed → next send refused', async () => {
    await expectLoop({
      connector,
      app,
      idle: () => ses.mock.sns.idle(),
      sendCount,
      address: 'bounce@simulator.amazonses.com',
      expected: 'bounced',
    });
  });

  it('shows the events per message over HTTP, for the outbox page', async () => {
    const sent = await connector.sendMessage({
      to: 'complaint@simulator.amazonses.com',
      type: 'SignIn',
      payload: { code: '402911' },
    });
    await ses.mock.sns.idle();
    const body = (await (
      await fetch(`${ses.url}/_mock/outbox/${sent.messageId}/events`)
    ).json()) as {
      events: { eventType: string; topics: string[] }[];
    };
    expect(body.events.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Complaint']);
    expect(body.events[2]?.topics).toEqual([topicArn]);
    const deliveries = (await (await fetch(`${ses.url}/_mock/sns/deliveries`)).json()) as {
      deliveries: { status?: number }[];
    };
    expect(deliveries.deliveries.every((d) => d.status === 200)).toBe(true);
  });
});
