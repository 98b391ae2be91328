import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateConfigurationSetEventDestinationCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { createAwsSesConnector } from '@org/connector-aws-ses';
import { createSesFeedbackHandler, toNodeListener } from '@org/connector-aws-ses/feedback';
import {
  ConnectorError,
  createMemorySuppressionStore,
  RecipientSuppressedError,
  type SuppressionStore,
} from '@org/connector-core';
import { createMemoryConnector } from '@org/connector-core/testing';
import { type MockSesServer, startMockSesServer } from '@org/mock-ses';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientKinds } from '../test/clients.js';
import { type RedisServer, startRedisServer } from '../test/redis-server.js';
import { entry, suppressedAt, suppressionStoreCases } from '../test/suppression-store-cases.js';
import { templates } from '../test/templates.js';
import { useTestRedis } from '../test/use-test-redis.js';
import {
  createRedisSuppressionStore,
  fromNodeRedis,
  type NodeRedisLike,
  type RedisScriptClient,
  RedisStoreError,
  type RedisStoreEvent,
} from './index.js';

const redis = useTestRedis();
const { available } = redis;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const client = redis.client;

const prefix = () => `test:${randomUUID()}:`;
const signIn = (to: string) => ({ to, type: 'SignIn' as const, payload: { code: '402911' } });

// The reference: core's own store runs the same table, so the table itself is checked.
describe('the shared cases against createMemorySuppressionStore', () => {
  for (const c of suppressionStoreCases) {
    it(c.name, () =>
      c.run(
        createMemorySuppressionStore(
          c.maxEntries === undefined ? {} : { maxEntries: c.maxEntries },
        ),
      ),
    );
  }
});

describe.skipIf(!available.ok).each(clientKinds)('createRedisSuppressionStore (%s)', (kind) => {
  describe('the shared cases', () => {
    for (const c of suppressionStoreCases) {
      it(c.name, async () => {
        const store = createRedisSuppressionStore({
          redis: (await client(kind)).redis,
          keyPrefix: prefix(),
          ...(c.maxEntries === undefined ? {} : { maxEntries: c.maxEntries }),
        });
        await c.run(store);
      });
    }
  });

  it('two stores with their own clients (two processes) share the list', async () => {
    const keyPrefix = prefix();
    const [a, b] = [await client(kind), await client(kind)];
    const one = createRedisSuppressionStore({ redis: a.redis, keyPrefix });
    const two = createRedisSuppressionStore({ redis: b.redis, keyPrefix });
    await one.put(entry('Jane@Example.com', 'complaint'));
    expect(await two.get('jane@example.com')).toEqual(entry('jane@example.com', 'complaint'));
    await two.delete('jane@example.com');
    expect(await one.get('jane@example.com')).toBeUndefined();

    // 100 puts from both at once: every one lands, once.
    const addresses = Array.from({ length: 100 }, (_, i) => `u${i}@example.com`);
    await Promise.all(addresses.map((address, i) => [one, two][i % 2]!.put(entry(address))));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await [two, one][seen.length % 2]!.list({
        limit: 30,
        ...(cursor === undefined ? {} : { cursor }),
      });
      seen.push(...page.entries.map((e) => e.address));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(seen.sort()).toEqual([...addresses].sort());
  });

  it('keeps maxEntries exact under concurrent puts from two stores', async () => {
    const keyPrefix = prefix();
    const clients = [await client(kind), await client(kind)];
    const stores = clients.map((c) =>
      createRedisSuppressionStore({ redis: c.redis, keyPrefix, maxEntries: 10 }),
    );
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => stores[i % 2]!.put(entry(`m${i}@example.com`))),
    );
    expect((await stores[0]!.list({ limit: 1000 })).entries).toHaveLength(10);
    const c = clients[1]!;
    expect(await c.command(['ZCARD', `${keyPrefix}{suppression}:by-age`])).toBe(10);
    expect(await c.command(['HLEN', `${keyPrefix}{suppression}:entries`])).toBe(10);
  });

  it('a lookup is one script call on one key: the hash, O(1)', async () => {
    const c = await client(kind);
    const real =
      kind === 'node-redis'
        ? fromNodeRedis(c.redis as NodeRedisLike)
        : (c.redis as RedisScriptClient);
    const calls: { keys: readonly string[] }[] = [];
    const counting: RedisScriptClient = {
      evalSha: (sha, keys, args) => {
        calls.push({ keys });
        return real.evalSha(sha, keys, args);
      },
      eval: (script, keys, args) => {
        calls.push({ keys });
        return real.eval(script, keys, args);
      },
    };
    const keyPrefix = prefix();
    const store = createRedisSuppressionStore({ redis: counting, keyPrefix });
    await store.put(entry('a@example.com'));
    // The first lookup may be EVALSHA then EVAL (NOSCRIPT, a new script); after it, one call.
    await store.get('b@example.com');
    calls.length = 0;
    expect(await store.get('a@example.com')).toBeDefined();
    expect(calls).toEqual([{ keys: [`${keyPrefix}{suppression}:entries`] }]);
  });

  it('lays its keys out under the prefix, in one hash tag, and keeps prefixes apart', async () => {
    const c = await client(kind);
    const [p1, p2] = [prefix(), prefix()];
    const one = createRedisSuppressionStore({ redis: c.redis, keyPrefix: p1 });
    const two = createRedisSuppressionStore({ redis: c.redis, keyPrefix: p2 });
    await one.put(entry('a@example.com'));
    expect(await two.get('a@example.com')).toBeUndefined();
    expect((await c.keys(`${p1}*`)).sort()).toEqual(
      ['by-address', 'by-age', 'entries', 'seq'].map((k) => `${p1}{suppression}:${k}`),
    );
    // Suppressions do not expire.
    expect(await c.pttl(`${p1}{suppression}:entries`)).toBe(-1);
  });

  it('reads an entry it cannot parse as suppressed, and heals an index without its hash', async () => {
    const c = await client(kind);
    const keyPrefix = prefix();
    const store = createRedisSuppressionStore({ redis: c.redis, keyPrefix });
    await c.command(['HSET', `${keyPrefix}{suppression}:entries`, 'odd@example.com', 'not json']);
    expect(await store.get('odd@example.com')).toMatchObject({
      address: 'odd@example.com',
      reason: 'manual',
    });
    await store.put(entry('a@example.com'));
    await c.command(['DEL', `${keyPrefix}{suppression}:entries`]);
    expect(await store.list()).toEqual({ entries: [] });
    expect(await c.command(['ZCARD', `${keyPrefix}{suppression}:by-address`])).toBe(0);
  });

  it('refuses a malformed entry with a typed error that names the field, not the address', async () => {
    const store = createRedisSuppressionStore({
      redis: (await client(kind)).redis,
      keyPrefix: prefix(),
    });
    const error = await store
      .put({ ...entry('secret-person@example.com'), reason: 'spam' as never })
      .catch((e: unknown) => e);
    expect(ConnectorError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request_parameters' });
    expect((error as Error).message).toMatch(/reason/);
    expect((error as Error).message).not.toContain('secret-person');
    await expect(store.put({ ...entry('a@example.com'), detail: 'x'.repeat(501) })).rejects.toThrow(
      /detail/,
    );
    await expect(store.put({ ...entry('a@example.com'), suppressedAt: 'soon' })).rejects.toThrow(
      /suppressedAt/,
    );
  });

  it('refuses the next send to an address suppressed by another process', async () => {
    const keyPrefix = prefix();
    const feedbackSide = createRedisSuppressionStore({
      redis: (await client(kind)).redis,
      keyPrefix,
    });
    const connector = createMemoryConnector({
      templates,
      from: 'noreply@acme.test',
      options: {
        suppression: {
          store: createRedisSuppressionStore({ redis: (await client(kind)).redis, keyPrefix }),
        },
      },
    });
    await connector.sendMessage(signIn('jane@example.com'));
    await feedbackSide.put(entry('jane@example.com'));
    const error = await connector.sendMessage(signIn('Jane <JANE@example.com>')).catch((e) => e);
    expect(error).toBeInstanceOf(RecipientSuppressedError);
    expect(error).toMatchObject({ code: 'message_rejected', reason: 'bounce', suppressedAt });
    expect(connector.outbox).toHaveLength(1);
  });
});

describe.skipIf(!available.ok).each(clientKinds)(
  'createRedisSuppressionStore when Redis fails (%s)',
  (kind) => {
    let server: RedisServer;
    beforeAll(async () => {
      server = await startRedisServer();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('a lookup throws RedisStoreError (fail-closed) or answers "not suppressed" (fail-open), with an event', async () => {
      const redis = (await client(kind, server.url)).redis;
      const events: RedisStoreEvent[] = [];
      const onEvent = (event: RedisStoreEvent) => events.push(event);
      const closed = createRedisSuppressionStore({ redis, onEvent });
      const open = createRedisSuppressionStore({ redis, onEvent, onStoreError: 'fail-open' });
      await server.stop();
      try {
        const error = await closed.get('jane@example.com').catch((e: unknown) => e);
        expect(RedisStoreError.isRedisStoreError(error)).toBe(true);
        expect(error).toMatchObject({
          code: 'provider_unavailable',
          retryable: true,
          store: 'suppression',
          operation: 'look up a recipient',
        });
        expect((error as Error).message).not.toContain('jane');
        expect((error as ConnectorError).hint).toMatch(/suppression\.onStoreError/);
        expect(await open.get('jane@example.com')).toBeUndefined();
        expect(events.map((e) => [e.store, e.operation, e.outcome])).toEqual([
          ['suppression', 'look up a recipient', 'fail-closed'],
          ['suppression', 'look up a recipient', 'fail-open'],
        ]);
      } finally {
        await server.start();
      }
    });

    it('put, delete and list always reject, even under fail-open: no suppression is lost silently', async () => {
      const redis = (await client(kind, server.url)).redis;
      const events: RedisStoreEvent[] = [];
      const store = createRedisSuppressionStore({
        redis,
        onStoreError: 'fail-open',
        onEvent: (event) => events.push(event),
      });
      await server.stop();
      try {
        const put = await store.put(entry('jane@example.com')).catch((e: unknown) => e);
        expect(put).toMatchObject({ store: 'suppression', operation: 'record a suppression' });
        expect((put as Error).message).toMatch(/not suppressed yet/);
        expect((put as ConnectorError).hint).toMatch(/SNS delivers the notification again/);
        await expect(store.delete('jane@example.com')).rejects.toMatchObject({
          operation: 'lift a suppression',
        });
        await expect(store.list()).rejects.toMatchObject({ operation: 'list suppressions' });
        expect(events.map((e) => e.outcome)).toEqual(['fail-closed', 'fail-closed', 'fail-closed']);
      } finally {
        await server.start();
      }
    });

    it('in a connector: core\'s onStoreError "send" sends unchecked, "reject" fails with a retryable error caused by the RedisStoreError', async () => {
      const redis = (await client(kind, server.url)).redis;
      const events: RedisStoreEvent[] = [];
      const store = createRedisSuppressionStore({ redis, onEvent: (e) => events.push(e) });
      const connectorWith = (onStoreError: 'send' | 'reject') =>
        createMemoryConnector({
          templates,
          from: 'noreply@acme.test',
          options: { suppression: { store, onStoreError } },
        });
      const sending = connectorWith('send');
      const rejecting = connectorWith('reject');
      await server.stop();
      try {
        await sending.sendMessage(signIn('ada@example.com'));
        expect(sending.outbox).toHaveLength(1);
        const error = await rejecting.sendMessage(signIn('ada@example.com')).catch((e) => e);
        expect(ConnectorError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: 'general', retryable: true });
        expect(RedisStoreError.isRedisStoreError((error as Error).cause)).toBe(true);
        expect((error as Error).message).not.toContain('402911');
        expect(rejecting.outbox).toHaveLength(0);
        // Neither went by unnoticed.
        expect(events).toHaveLength(2);
      } finally {
        await server.start();
      }
    });

    it('works again after a restart (the scripts are loaded again)', async () => {
      const store = createRedisSuppressionStore({
        redis: (await client(kind, server.url)).redis,
        keyPrefix: prefix(),
      });
      await store.put(entry('a@example.com'));
      await server.stop();
      await server.start();
      let done = false;
      for (let i = 0; i < 100 && !done; i++) {
        done = await store.put(entry('b@example.com')).then(
          () => true,
          async (error: unknown) => {
            if (!RedisStoreError.isRedisStoreError(error)) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
            return false;
          },
        );
      }
      expect(done).toBe(true);
      expect(await store.get('b@example.com')).toBeDefined();
    });
  },
);

describe('createRedisSuppressionStore options', () => {
  const redis = { evalSha: async () => null, eval: async () => null };

  it('refuses bad options as invalid_config, saying what to fix', () => {
    expect(() => createRedisSuppressionStore({} as never)).toThrow(/redis/);
    expect(() =>
      createRedisSuppressionStore({ redis: { evalsha: () => {}, eval: () => {} } as never }),
    ).toThrow(/fromIoredis/);
    for (const maxEntries of [0, -1, 1.5, Number.NaN]) {
      const error = (() => {
        try {
          createRedisSuppressionStore({ redis, maxEntries });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toMatchObject({ code: 'invalid_config' });
      expect((error as Error).message).toMatch(/maxEntries/);
      expect((error as ConnectorError).hint).toMatch(/maxEntries/);
    }
    expect(() => createRedisSuppressionStore({ redis, keyPrefix: 42 as never })).toThrow(
      /keyPrefix/,
    );
  });

  it('is accepted by the connector as a SuppressionStore', () => {
    const store: SuppressionStore = createRedisSuppressionStore({ redis });
    expect(() =>
      createMemoryConnector({
        templates,
        from: 'noreply@acme.test',
        options: { suppression: { store } },
      }),
    ).not.toThrow();
  });
});

// The loop of issue 15 across two processes: the feedback endpoint records a hard bounce into
// Redis, and an SES connector elsewhere, with its own client, refuses the next send.
describe.skipIf(!available.ok).each(clientKinds)('SES feedback into Redis (%s)', (kind) => {
  const topicArn = 'arn:aws:sns:us-east-1:123456789012:ses-feedback';
  const credentials = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    accessKeySecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  };

  async function setup(redisUrl: string) {
    const ses: MockSesServer = await startMockSesServer({
      identities: ['acme.test'],
      configurationSets: ['feedback'],
    });
    closers.push(() => ses.close());
    const keyPrefix = prefix();
    const feedbackStore = createRedisSuppressionStore({
      redis: (await client(kind, redisUrl)).redis,
      keyPrefix,
    });
    const mockOrigin = new URL(ses.url).origin;
    const handler = createSesFeedbackHandler({
      topicArns: [topicArn],
      suppressionStore: feedbackStore,
      confirmSubscriptions: true,
      // The mock serves its certificate over http on loopback: trusted here, for the test only.
      unsafeTrustedUrl: (url) => url.origin === mockOrigin && url.pathname.startsWith('/_sns/'),
    });
    const app: Server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => app.close(() => resolve())));
    const endpoint = `http://127.0.0.1:${(app.address() as AddressInfo).port}/ses-feedback`;

    const sesClient = new SESv2Client({
      region: 'us-east-1',
      endpoint: ses.url,
      credentials: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.accessKeySecret,
      },
    });
    await sesClient.send(
      new CreateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: 'feedback',
        EventDestinationName: 'sns',
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT'],
          SnsDestination: { TopicArn: topicArn },
        },
      }),
    );
    sesClient.destroy();
    await ses.mock.sns.subscribe(topicArn, endpoint, { signatureVersion: '2' });
    expect(ses.mock.sns.subscriptions()[0]?.status).toBe('Confirmed');

    const sendingStore = createRedisSuppressionStore({
      redis: (await client(kind, redisUrl)).redis,
      keyPrefix,
    });
    const connector = createAwsSesConnector(
      {
        ...credentials,
        region: 'us-east-1',
        endpoint: ses.url,
        emailAddress: 'Acme <noreply@acme.test>',
        templates,
        configurationSetName: 'feedback',
        maxAttempts: 1,
      },
      { suppression: { store: sendingStore } },
    );
    closers.push(() => connector.close());
    const sends = () => ses.mock.requests.operations('SendEmail').length;
    return { ses, connector, sendingStore, sends };
  }

  it('a hard bounce recorded by the handler makes the next send fail with RecipientSuppressedError', async () => {
    const { ses, connector, sendingStore, sends } = await setup(redis.url());
    const bounce = 'bounce@simulator.amazonses.com';
    const first = await connector.sendMessage(signIn(bounce));
    await ses.mock.sns.idle();
    expect(await sendingStore.get(bounce)).toMatchObject({
      address: bounce,
      reason: 'bounce',
      provider: 'aws-ses',
      messageId: first.messageId,
    });
    const before = sends();
    const refused = await connector.sendMessage(signIn(bounce)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RecipientSuppressedError);
    expect(refused).toMatchObject({ code: 'message_rejected', retryable: false, reason: 'bounce' });
    expect(sends()).toBe(before);
    // Others still go out; lifting the suppression lets the address through again.
    await connector.sendMessage(signIn('success@simulator.amazonses.com'));
    await sendingStore.delete(bounce);
    await connector.sendMessage(signIn(bounce));
    expect(sends()).toBe(before + 2);
  });

  it('with Redis down the handler answers 500, so SNS would deliver the bounce again', async () => {
    const redis = await startRedisServer();
    closers.push(redis.stop);
    const { ses, connector } = await setup(redis.url);
    await redis.stop();
    // Core's default onStoreError "send": the lookup fails, the send goes out unchecked.
    await connector.sendMessage(signIn('bounce@simulator.amazonses.com'));
    await ses.mock.sns.idle();
    const bounceDeliveries = ses.mock.sns
      .deliveries()
      .filter((d) => d.type === 'Notification' && d.status !== 200);
    expect(bounceDeliveries.length).toBeGreaterThan(0);
    expect(bounceDeliveries.every((d) => d.status === 500)).toBe(true);
  });
});
