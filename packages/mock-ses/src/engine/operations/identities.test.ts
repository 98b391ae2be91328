import {
  AlreadyExistsException,
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  NotFoundException,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { createMockSes } from '../../create-mock-ses.js';
import {
  rejectionOf,
  simpleEmail,
  testClient,
  useMswForSes,
} from '../../testing/ses-test-harness.js';

const msw = useMswForSes();

describe('email identities', () => {
  it('creates, gets, lists and deletes identities; a created identity can send at once', async () => {
    const mock = msw.mockSes({ identities: [] });
    const client = testClient();
    const created = await client.send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'acme.test' }),
    );
    expect(created).toMatchObject({ IdentityType: 'DOMAIN', VerifiedForSendingStatus: true });
    expect(created.DkimAttributes?.Status).toBe('SUCCESS');
    await client.send(
      new CreateEmailIdentityCommand({
        EmailIdentity: 'ann@example.com',
        Tags: [{ Key: 'team', Value: 'auth' }],
      }),
    );

    const identity = await client.send(
      new GetEmailIdentityCommand({ EmailIdentity: 'ann@example.com' }),
    );
    expect(identity).toMatchObject({
      IdentityType: 'EMAIL_ADDRESS',
      VerifiedForSendingStatus: true,
      VerificationStatus: 'SUCCESS',
      Tags: [{ Key: 'team', Value: 'auth' }],
    });

    const list = await client.send(new ListEmailIdentitiesCommand({}));
    expect(list.EmailIdentities).toEqual([
      {
        IdentityType: 'DOMAIN',
        IdentityName: 'acme.test',
        SendingEnabled: true,
        VerificationStatus: 'SUCCESS',
      },
      {
        IdentityType: 'EMAIL_ADDRESS',
        IdentityName: 'ann@example.com',
        SendingEnabled: true,
        VerificationStatus: 'SUCCESS',
      },
    ]);
    const page = await client.send(new ListEmailIdentitiesCommand({ PageSize: 1 }));
    expect(page.EmailIdentities?.map((i) => i.IdentityName)).toEqual(['acme.test']);
    const next = await client.send(
      new ListEmailIdentitiesCommand({ PageSize: 1, NextToken: page.NextToken }),
    );
    expect(next.EmailIdentities?.map((i) => i.IdentityName)).toEqual(['ann@example.com']);
    expect(next.NextToken).toBeUndefined();

    await client.send(new SendEmailCommand(simpleEmail()));
    expect(mock.outbox.size).toBe(1);

    await client.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'acme.test' }));
    expect(mock.identities.list()).toEqual(['ann@example.com']);
  });

  it('answers 404 NotFoundException for an unknown identity when an identity list is configured', async () => {
    msw.mockSes({ identities: ['acme.test'] });
    const client = testClient();
    const error = await rejectionOf(
      client.send(new GetEmailIdentityCommand({ EmailIdentity: 'who@else.test' })),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe('Email identity who@else.test does not exist.');
    expect(
      await rejectionOf(client.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'x.test' }))),
    ).toBeInstanceOf(NotFoundException);
  });

  it('answers every identity as verified when no identity list is configured', async () => {
    msw.mockSes();
    const identity = await testClient().send(
      new GetEmailIdentityCommand({ EmailIdentity: 'anyone@any.test' }),
    );
    expect(identity.VerifiedForSendingStatus).toBe(true);
  });

  it('rejects a duplicate with AlreadyExistsException', async () => {
    msw.mockSes({ identities: ['acme.test'] });
    const error = await rejectionOf(
      testClient().send(new CreateEmailIdentityCommand({ EmailIdentity: 'acme.test' })),
    );
    expect(error).toBeInstanceOf(AlreadyExistsException);
  });

  it('also serves the older GET /v2/email/identities listing', async () => {
    const mock = createMockSes({ identities: ['a.test', 'b.test'] });
    const response = await mock.handle(new Request('http://x/v2/email/identities?PageSize=1'));
    expect(await response.json()).toEqual({
      EmailIdentities: [
        {
          IdentityType: 'DOMAIN',
          IdentityName: 'a.test',
          SendingEnabled: true,
          VerificationStatus: 'SUCCESS',
        },
      ],
      NextToken: '1',
    });
  });

  it('reset() restores the configured identities', () => {
    const mock = createMockSes({ identities: ['acme.test'] });
    mock.identities.verify('new.test');
    mock.identities.remove('acme.test');
    mock.reset();
    expect(mock.identities.list()).toEqual(['acme.test']);
  });
});
