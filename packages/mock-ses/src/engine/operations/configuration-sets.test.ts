import {
  AlreadyExistsException,
  CreateConfigurationSetCommand,
  DeleteConfigurationSetCommand,
  GetConfigurationSetCommand,
  ListConfigurationSetsCommand,
  NotFoundException,
  SendEmailCommand,
  SendingPausedException,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import {
  rejectionOf,
  simpleEmail,
  testClient,
  useMswForSes,
} from '../../testing/ses-test-harness.js';

const msw = useMswForSes();

describe('configuration sets', () => {
  it('creates, gets, lists and deletes; a send then names it', async () => {
    const mock = msw.mockSes();
    const client = testClient();
    await client.send(
      new CreateConfigurationSetCommand({
        ConfigurationSetName: 'tx',
        DeliveryOptions: { TlsPolicy: 'REQUIRE' },
        Tags: [{ Key: 'env', Value: 'test' }],
      }),
    );
    expect(
      await client.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'tx' })),
    ).toMatchObject({
      ConfigurationSetName: 'tx',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SendingOptions: { SendingEnabled: true },
      Tags: [{ Key: 'env', Value: 'test' }],
    });
    expect((await client.send(new ListConfigurationSetsCommand({}))).ConfigurationSets).toEqual([
      'tx',
    ]);
    await client.send(new SendEmailCommand(simpleEmail({ ConfigurationSetName: 'tx' })));
    expect(mock.outbox.last()?.configurationSetName).toBe('tx');

    await client.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'tx' }));
    const error = await rejectionOf(
      client.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'tx' })),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe('Configuration set tx does not exist.');
  });

  it('rejects a duplicate name with AlreadyExistsException', async () => {
    msw.mockSes({ configurationSets: ['tx'] });
    const error = await rejectionOf(
      testClient().send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'tx' })),
    );
    expect(error).toBeInstanceOf(AlreadyExistsException);
  });

  it('a set created with sending disabled pauses the sends that use it', async () => {
    msw.mockSes();
    const client = testClient();
    await client.send(
      new CreateConfigurationSetCommand({
        ConfigurationSetName: 'paused',
        SendingOptions: { SendingEnabled: false },
      }),
    );
    const error = await rejectionOf(
      client.send(new SendEmailCommand(simpleEmail({ ConfigurationSetName: 'paused' }))),
    );
    expect(error).toBeInstanceOf(SendingPausedException);
    expect(error.message).toBe('Sending is paused for configuration set paused.');
  });
});
