import type { Outbox, OutboxFilter, OutboxMessage } from '../types.js';
import { addressOf } from './address.js';
import { RecipientLedger } from './recipient-ledger.js';
import { toEml } from './to-eml.js';

export interface EngineOutbox extends Outbox {
  add(message: OutboxMessage): void;
  /** Recipients (To + Cc + Bcc) of messages accepted in `(since, now]`: what SES's quotas count. */
  recipientsSince(since: number): number;
}

const recipientCount = (m: OutboxMessage) => m.to.length + m.cc.length + m.bcc.length;

function sinceMs(since: string | number): number {
  if (typeof since === 'number') return since;
  const asNumber = Number(since);
  return Number.isFinite(asNumber) && since.trim() !== '' ? asNumber : Date.parse(since);
}

export function createOutbox(): EngineOutbox {
  let messages: OutboxMessage[] = [];
  const byId = new Map<string, OutboxMessage>();
  const listeners = new Set<(message: OutboxMessage) => void>();
  const ledger = new RecipientLedger();
  const rebuildLedger = () =>
    ledger.reset(messages.map((m) => [Date.parse(m.timestamp), recipientCount(m)]));

  const find = (filter: OutboxFilter) => {
    const to = filter.to?.trim().toLowerCase();
    const since = filter.since === undefined ? undefined : sinceMs(filter.since);
    return messages.filter((m) => {
      if (to && ![...m.to, ...m.cc, ...m.bcc].some((r) => addressOf(r).toLowerCase() === to)) {
        return false;
      }
      if (since !== undefined && !Number.isNaN(since) && Date.parse(m.timestamp) < since)
        return false;
      return true;
    });
  };

  return {
    add(message) {
      messages.push(message);
      byId.set(message.messageId, message);
      ledger.add(Date.parse(message.timestamp), recipientCount(message));
      for (const listener of listeners) {
        // A listener's bug must not turn an accepted send into a failure.
        try {
          listener(message);
        } catch {}
      }
    },
    all: () => [...messages],
    find,
    get: (id) => byId.get(id),
    toEml(id) {
      const message = byId.get(id);
      return message && toEml(message);
    },
    last: () => messages.at(-1),
    get size() {
      return messages.length;
    },
    remove(id) {
      if (!byId.delete(id)) return false;
      messages = messages.filter((m) => m.messageId !== id);
      rebuildLedger();
      return true;
    },
    clear() {
      messages = [];
      byId.clear();
      ledger.reset();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    recipientsSince: (since) => ledger.since(since),
  };
}
