import { CreateConfigurationSetEventDestinationCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import {
  createMemorySuppressionStore,
  type DeliveryEvent,
  RecipientSuppressedError,
} from '@org/connector-core';
import { expect } from 'vitest';
import { createAwsSesConnector } from '../src/index.js';
import { fakeCredentials, templates } from './fixtures.js';

export const topicArn = 'arn:aws:sns:us-east-1:123456789012:ses-feedback';

/** The AWS setup of the README, on the mock: a configuration set's SNS event destination. */
export async function addSnsEventDestination(endpoint: string): Promise<void> {
  const client = new SESv2Client({
    region: 'us-east-1',
    endpoint,
    credentials: {
      accessKeyId: fakeCredentials.accessKeyId,
      secretAccessKey: fakeCredentials.accessKeySecret,
    },
  });
  await client.send(
    new CreateConfigurationSetEventDestinationCommand({
      ConfigurationSetName: 'feedback',
      EventDestinationName: 'sns',
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT', 'REJECT', 'DELIVERY_DELAY'],
        SnsDestination: { TopicArn: topicArn },
      },
    }),
  );
  client.destroy();
}

export function feedbackApp() {
  const store = createMemorySuppressionStore();
  const events: DeliveryEvent[] = [];
  return { store, events, onEvents: (batch: DeliveryEvent[]) => void events.push(...batch) };
}

export function connectorFor(
  endpoint: string | undefined,
  store: ReturnType<typeof createMemorySuppressionStore>,
) {
  return createAwsSesConnector(
    {
      ...fakeCredentials,
      region: 'us-east-1',
      emailAddress: 'Acme <noreply@acme.test>',
      templates,
      configurationSetName: 'feedback',
      ...(endpoint === undefined ? {} : { endpoint }),
    },
    { suppression: { store } },
  );
}

/**
 * The whole loop: a send bounces (or draws a complaint), SNS delivers the signed event, the
 * handler suppresses the address, and the next send is refused before SES is called.
 */
export async function expectLoop(options: {
  connector: ReturnType<typeof connectorFor>;
  app: ReturnType<typeof feedbackApp>;
  idle: () => Promise<void>;
  sendCount: () => number | Promise<number>;
  address: string;
  expected: 'bounced' | 'complained';
}): Promise<void> {
  const { connector, app, address } = options;
  const input = { to: address, type: 'SignIn' as const, payload: { code: '402911' } };
  const first = await connector.sendMessage(input);
  await options.idle();
  const event = app.events.find(
    (e) => e.messageId === first.messageId && e.type === options.expected,
  );
  expect(event, `a ${options.expected} event for ${first.messageId}`).toBeDefined();
  expect(event?.recipient).toBe(address);
  expect(await app.store.get(address)).toMatchObject({
    reason: options.expected === 'bounced' ? 'bounce' : 'complaint',
    messageId: first.messageId,
    provider: 'aws-ses',
  });
  const sends = await options.sendCount();
  const refused = await connector.sendMessage(input).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(RecipientSuppressedError);
  expect(refused).toMatchObject({ code: 'message_rejected', retryable: false });
  expect(await options.sendCount()).toBe(sends);
  // A good address still goes out, and lifting the suppression lets the address through again.
  await connector.sendMessage({ ...input, to: 'success@simulator.amazonses.com' });
  await app.store.delete(address);
  await connector.sendMessage(input);
}
