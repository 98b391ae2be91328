import { randomBytes, randomUUID, sign } from 'node:crypto';
import { createSnsSigningKey, type SnsSigningKey } from './signing-key.js';
import { stringToSign } from './string-to-sign.js';
import type {
  MockSns,
  MockSnsOptions,
  MockSnsSubscription,
  SignMessageInput,
  SnsDelivery,
  SnsSignatureVersion,
} from './types.js';

/** The mock's SNS plus what the engine and the HTTP face need that users do not. */
export interface EngineSns extends MockSns {
  /** Set by the node server once it knows its URL (unless `publicUrl` was given). */
  usePublicUrl(url: string): void;
  /** Counts `promise` as in-flight work for `idle()`. */
  track<T>(promise: Promise<T>): Promise<T>;
  reset(): void;
}

const topicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
const deliveryTimeoutMs = 15_000;
const maxDeliveries = 10_000;

/** Throws a TypeError naming what is wrong with a subscription request. */
export function assertSubscribable(topicArn: string, endpoint: string): void {
  if (!topicArnPattern.test(topicArn)) {
    throw new TypeError(`mock-ses SNS: ${JSON.stringify(topicArn)} is not an SNS topic ARN.`);
  }
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    throw new TypeError(
      `mock-ses SNS: the endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}.`,
    );
  }
}

export function createMockSns(
  region: string,
  now: () => number,
  options: MockSnsOptions = {},
): EngineSns {
  let publicUrl = (options.publicUrl ?? `https://sns.${region}.amazonaws.com`).replace(/\/+$/, '');
  const explicitUrl = options.publicUrl !== undefined;
  const defaultVersion = options.signatureVersion ?? '1';
  const post = options.fetch ?? ((input, init) => fetch(input, init));
  let key: Promise<SnsSigningKey> | undefined;
  const subscriptions = new Map<string, MockSnsSubscription & { token: string }>();
  const byToken = new Map<string, string>();
  let deliveries: SnsDelivery[] = [];
  const inFlight = new Set<Promise<unknown>>();

  const signingKey = () => {
    key ??= createSnsSigningKey(now());
    return key;
  };

  const signMessage = async (
    input: SignMessageInput,
    version: SnsSignatureVersion = defaultVersion,
  ): Promise<Record<string, string>> => {
    const k = await signingKey();
    const message: Record<string, string> = {
      Type: input.Type,
      MessageId: input.MessageId ?? randomUUID(),
      ...(input.Token === undefined ? {} : { Token: input.Token }),
      TopicArn: input.TopicArn,
      ...(input.Subject === undefined ? {} : { Subject: input.Subject }),
      Message: input.Message,
      ...(input.SubscribeURL === undefined ? {} : { SubscribeURL: input.SubscribeURL }),
      Timestamp: input.Timestamp ?? new Date(now()).toISOString(),
      SignatureVersion: version,
      Signature: '',
      SigningCertURL: `${publicUrl}/${k.fileName}`,
      ...(input.UnsubscribeURL === undefined ? {} : { UnsubscribeURL: input.UnsubscribeURL }),
    };
    message.Signature = sign(
      version === '2' ? 'sha256' : 'sha1',
      Buffer.from(stringToSign(message)),
      k.keyPem,
    ).toString('base64');
    return message;
  };

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    promise.then(
      () => inFlight.delete(promise),
      () => inFlight.delete(promise),
    );
    return promise;
  };

  const deliver = (
    subscription: MockSnsSubscription,
    message: Record<string, string>,
    sesMessageId?: string,
  ): Promise<void> =>
    track(
      (async () => {
        const record: SnsDelivery = {
          messageId: message.MessageId as string,
          type: message.Type as SnsDelivery['type'],
          topicArn: subscription.topicArn,
          endpoint: subscription.endpoint,
          time: new Date(now()).toISOString(),
          ...(sesMessageId === undefined ? {} : { sesMessageId }),
        };
        deliveries.push(record);
        if (deliveries.length > maxDeliveries) deliveries = deliveries.slice(-maxDeliveries);
        try {
          // SNS's own headers and content type (text/plain, although the body is JSON).
          const response = await post(subscription.endpoint, {
            method: 'POST',
            headers: {
              'content-type': 'text/plain; charset=UTF-8',
              'x-amz-sns-message-type': message.Type as string,
              'x-amz-sns-message-id': message.MessageId as string,
              'x-amz-sns-topic-arn': subscription.topicArn,
              ...(message.Type === 'Notification'
                ? { 'x-amz-sns-subscription-arn': subscription.subscriptionArn }
                : {}),
              'user-agent': 'Amazon Simple Notification Service Agent',
            },
            body: JSON.stringify(message),
            signal: AbortSignal.timeout(deliveryTimeoutMs),
          });
          record.status = response.status;
          await response.arrayBuffer().catch(() => undefined);
        } catch (error) {
          record.error = error instanceof Error ? error.message : String(error);
        }
      })(),
    );

  const confirmationMessage = async (
    type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation',
    subscription: MockSnsSubscription & { token: string },
  ) => {
    const subscribeUrl = `${publicUrl}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(subscription.topicArn)}&Token=${subscription.token}`;
    return signMessage(
      {
        Type: type,
        TopicArn: subscription.topicArn,
        Token: subscription.token,
        SubscribeURL: subscribeUrl,
        Message:
          type === 'SubscriptionConfirmation'
            ? `You have chosen to subscribe to the topic ${subscription.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
            : `You have chosen to deactivate subscription ${subscription.subscriptionArn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`,
      },
      subscription.signatureVersion,
    );
  };

  const publicView = ({
    token: _token,
    ...subscription
  }: MockSnsSubscription & { token: string }) => ({
    ...subscription,
  });

  const sns: EngineSns = {
    track,
    get publicUrl() {
      return publicUrl;
    },
    usePublicUrl(url) {
      if (!explicitUrl) publicUrl = url.replace(/\/+$/, '');
    },
    async subscribe(topicArn, endpoint, subscribeOptions = {}) {
      assertSubscribable(topicArn, endpoint);
      const subscription = {
        subscriptionArn: `${topicArn}:${randomUUID()}`,
        topicArn,
        endpoint,
        status: 'PendingConfirmation' as const,
        signatureVersion: subscribeOptions.signatureVersion ?? defaultVersion,
        token: randomBytes(64).toString('hex'),
      };
      subscriptions.set(subscription.subscriptionArn, subscription);
      byToken.set(subscription.token, subscription.subscriptionArn);
      await deliver(
        subscription,
        await confirmationMessage('SubscriptionConfirmation', subscription),
      );
      return publicView(subscription);
    },
    confirm(token) {
      const arn = byToken.get(token);
      const subscription = arn === undefined ? undefined : subscriptions.get(arn);
      if (!subscription) return undefined;
      subscription.status = 'Confirmed';
      return publicView(subscription);
    },
    async unsubscribe(subscriptionArn) {
      const subscription = subscriptions.get(subscriptionArn);
      if (!subscription) return false;
      subscriptions.delete(subscriptionArn);
      byToken.delete(subscription.token);
      await deliver(
        subscription,
        await confirmationMessage('UnsubscribeConfirmation', subscription),
      );
      return true;
    },
    subscriptions: () => [...subscriptions.values()].map(publicView),
    async publish(topicArn, message, publishOptions = {}) {
      const targets = [...subscriptions.values()].filter(
        (s) => s.topicArn === topicArn && s.status === 'Confirmed',
      );
      await Promise.all(
        targets.map(async (subscription) =>
          deliver(
            subscription,
            await signMessage(
              {
                Type: 'Notification',
                TopicArn: topicArn,
                Message: message,
                ...(publishOptions.subject === undefined
                  ? {}
                  : { Subject: publishOptions.subject }),
                UnsubscribeURL: `${publicUrl}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(subscription.subscriptionArn)}`,
              },
              subscription.signatureVersion,
            ),
            publishOptions.sesMessageId,
          ),
        ),
      );
    },
    deliveries: () => deliveries.map((d) => ({ ...d })),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    signMessage,
    async certificate() {
      const k = await signingKey();
      return { url: `${publicUrl}/${k.fileName}`, pem: k.certPem, caPem: k.caPem };
    },
    reset() {
      subscriptions.clear();
      byToken.clear();
      deliveries = [];
    },
  };
  return sns;
}
