import type { SuppressionEntry, SuppressionStore } from './suppression-store.js';
import { normalizeSuppressionAddress } from './suppression-store.js';

/** What happened to a message after the provider accepted it. */
export const deliveryEventTypes = [
  'sent',
  'delivered',
  'bounced',
  'complained',
  'rejected',
  'delayed',
  'opened',
  'clicked',
  'rendering_failed',
] as const;

export type DeliveryEventType = (typeof deliveryEventTypes)[number];

/**
 * `hard`: the address does not exist or never accepts mail (suppress it); `soft`: a full
 * mailbox, an auto-reply or a temporary refusal (try again later); `undetermined`: the provider
 * could not tell.
 */
export type BounceKind = 'hard' | 'soft' | 'undetermined';

interface DeliveryEventBase {
  /** The provider that reported it, e.g. `aws-ses`. */
  provider: string;
  /** The provider's message id, as `SendResult.messageId` returned it. */
  messageId: string;
  /** The recipient this event is about (one event per recipient). */
  recipient: string;
  /** When it happened, as the provider says: ISO 8601. */
  timestamp: string;
  /** The message's tags (e.g. `usage_type`), when the provider echoes them. */
  tags?: Record<string, string>;
  /**
   * The provider's own record, for code that needs a field this type does not carry. It is
   * non-enumerable: `JSON.stringify`, `util.inspect` and spreads leave it out, because it holds
   * headers and addresses that do not belong in logs. Read it with `deliveryEventRaw(event)`.
   */
  readonly raw?: unknown;
}

export type DeliveryEvent =
  | (DeliveryEventBase & { type: 'sent' })
  | (DeliveryEventBase & {
      type: 'delivered';
      /** The receiving server's reply, e.g. `250 2.6.0 Message received`. */
      smtpResponse?: string;
      processingTimeMs?: number;
    })
  | (DeliveryEventBase & {
      type: 'bounced';
      bounceKind: BounceKind;
      /** The provider's own classification, e.g. SES `Permanent` / `General`. */
      bounceType?: string;
      bounceSubType?: string;
      /** The DSN status, e.g. `5.1.1`. */
      status?: string;
      /** The remote server's diagnostic, e.g. `smtp; 550 5.1.1 user unknown`. */
      diagnostic?: string;
    })
  | (DeliveryEventBase & {
      type: 'complained';
      /** The ARF feedback type, e.g. `abuse`, when the mailbox provider sent one. */
      feedbackType?: string;
    })
  | (DeliveryEventBase & {
      type: 'rejected';
      /** Why the provider refused to send it, e.g. `Bad content`. */
      reason?: string;
    })
  | (DeliveryEventBase & {
      type: 'delayed';
      /** E.g. `MailboxFull`, `TransientCommunicationFailure`. */
      delayType?: string;
      status?: string;
      diagnostic?: string;
      /** When the provider stops retrying: ISO 8601. */
      expiresAt?: string;
    })
  | (DeliveryEventBase & { type: 'opened'; ipAddress?: string; userAgent?: string })
  | (DeliveryEventBase & {
      type: 'clicked';
      link: string;
      ipAddress?: string;
      userAgent?: string;
    })
  | (DeliveryEventBase & {
      type: 'rendering_failed';
      templateName?: string;
      errorMessage?: string;
    });

type WithoutRaw<E> = E extends unknown ? Omit<E, 'raw'> : never;

/** The fields of one event, without `raw`. */
export type DeliveryEventFields = WithoutRaw<DeliveryEvent>;

const rawKey = 'raw';

/**
 * Builds a `DeliveryEvent` with the provider's record attached as a non-enumerable `raw`, so
 * logging or serialising the event never prints it.
 */
export function createDeliveryEvent(fields: DeliveryEventFields, raw?: unknown): DeliveryEvent {
  const event = { ...fields } as DeliveryEvent;
  if (raw !== undefined) {
    Object.defineProperty(event, rawKey, { value: raw, enumerable: false, writable: false });
  }
  return event;
}

/** The provider's own record behind an event, when the parser kept it. */
export function deliveryEventRaw(event: DeliveryEvent): unknown {
  return (event as { raw?: unknown }).raw;
}

const maxDetailLength = 500;

/**
 * The suppression an event calls for: a hard bounce or a complaint suppresses the recipient;
 * every other event (soft bounces included) leaves it alone and answers `undefined`.
 */
export function suppressionForEvent(event: DeliveryEvent): SuppressionEntry | undefined {
  const base = {
    address: normalizeSuppressionAddress(event.recipient),
    suppressedAt: event.timestamp,
    provider: event.provider,
    messageId: event.messageId,
  };
  if (event.type === 'bounced' && event.bounceKind === 'hard') {
    const detail = event.diagnostic ?? event.bounceSubType;
    return {
      ...base,
      reason: 'bounce',
      ...(detail === undefined ? {} : { detail: detail.slice(0, maxDetailLength) }),
    };
  }
  if (event.type === 'complained') {
    return {
      ...base,
      reason: 'complaint',
      ...(event.feedbackType === undefined
        ? {}
        : { detail: event.feedbackType.slice(0, maxDetailLength) }),
    };
  }
  return undefined;
}

/**
 * Feeds one event to a suppression store: suppresses the recipient when the event calls for it
 * (see `suppressionForEvent`) and answers the entry it wrote, else `undefined`.
 */
export async function applyDeliveryEvent(
  store: SuppressionStore,
  event: DeliveryEvent,
): Promise<SuppressionEntry | undefined> {
  const entry = suppressionForEvent(event);
  if (entry !== undefined) await store.put(entry);
  return entry;
}
