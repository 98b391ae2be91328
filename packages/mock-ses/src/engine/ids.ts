import { randomUUID } from 'node:crypto';
import { mulberry32 } from './prng.js';

export interface IdGenerator {
  requestId(): string;
  /** SES's shape: 16 hex digits of the send time in ms, a UUID, then `-000000`. */
  messageId(now: number): string;
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** With a seed, ids repeat from run to run (snapshot-friendly); otherwise they are random UUIDs. */
export function createIdGenerator(seed?: number): IdGenerator {
  const uuid =
    seed === undefined
      ? randomUUID
      : (
          (r) => () =>
            uuidFrom(r)
        )(mulberry32(seed ^ 0x5e5));
  return {
    requestId: uuid,
    messageId: (now) =>
      `${Math.max(0, Math.floor(now)).toString(16).padStart(16, '0')}-${uuid()}-000000`,
  };
}
