import { useMockSes } from '@org/mock-ses/vitest';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSesFeedbackHandler } from '../src/feedback/index.js';
import {
  addSnsEventDestination,
  connectorFor,
  expectLoop,
  feedbackApp,
  topicArn,
} from './feedback-loop.js';

const mock = useMockSes({ configurationSets: ['feedback'] });
const endpoint = 'https://app.test/ses-feedback';
let app: ReturnType<typeof feedbackApp>;
let connector: ReturnType<typeof connectorFor>;

beforeEach(async () => {
  app = feedbackApp();
  // Production defaults: the certificate and SubscribeURL are on https://sns.us-east-1.amazonaws.com,
  // which the mock's msw handlers answer.
  const handler = createSesFeedbackHandler({
    topicArns: [topicArn],
    suppressionStore: app.store,
    onEvents: app.onEvents,
    confirmSubscriptions: true,
  });
  mock.server.use(http.post(endpoint, ({ request }) => handler(request)));
  await addSnsEventDestination('https://email.us-east-1.amazonaws.com');
  await mock.sns.subscribe(topicArn, endpoint);
  expect(mock.sns.subscriptions()[0]?.status).toBe('Confirmed');
  connector = connectorFor(undefined, app.store);
});

afterEach(() => connector.close());

describe('delivery feedback through msw: send → event → suppressed → refused', () => {
  const sendCount = () => mock.requests.operations('SendEmail').length;

  it('hard bounce', async () => {
    await expectLoop({
      connector,
      app,
      idle: () => mock.sns.idle(),
      sendCount,
      address: 'bounce@simulator.amazonses.com',
      expected: 'bounced',
    });
  });

  it('complaint', async () => {
    await expectLoop({
      connector,
      app,
      idle: () => mock.sns.idle(),
      sendCount,
      address: 'complaint@simulator.amazonses.com',
      expected: 'complained',
    });
  });

  it('soft outcomes suppress nothing', async () => {
    for (const to of ['ooto@simulator.amazonses.com', 'success@simulator.amazonses.com']) {
      await connector.sendMessage({ to, type: 'SignIn', payload: { code: '402911' } });
    }
    await mock.sns.idle();
    expect(app.events.filter((e) => e.type === 'delivered').map((e) => e.recipient)).toEqual([
      'ooto@simulator.amazonses.com',
      'success@simulator.amazonses.com',
    ]);
    expect((await app.store.list()).entries).toEqual([]);
    expect(app.events.find((e) => e.type === 'sent')?.tags?.usage_type).toBe('SignIn');
  });
});
