/** Why an address is on the account-level suppression list (SES v2 `SuppressionListReason`). */
export type SuppressionListReason = 'BOUNCE' | 'COMPLAINT';

export interface SuppressedDestination {
  emailAddress: string;
  reason: SuppressionListReason;
  /** ms since epoch. */
  lastUpdateTime: number;
  messageId?: string;
  feedbackId?: string;
}

/** The account-level suppression list (PutSuppressedDestination and friends). */
export interface SuppressionList {
  get(address: string): SuppressedDestination | undefined;
  put(entry: SuppressedDestination): void;
  delete(address: string): boolean;
  list(): SuppressedDestination[];
  /** Reasons for which SES adds addresses by itself (`SuppressedReasons`). Default both. */
  autoReasons: SuppressionListReason[];
  reset(): void;
}

// SES files the list by address, case-insensitively.
const keyOf = (address: string) => address.trim().toLowerCase();

export function createSuppressionList(
  initial: readonly SuppressedDestination[] = [],
  autoReasons: readonly SuppressionListReason[] = ['BOUNCE', 'COMPLAINT'],
): SuppressionList {
  const entries = new Map<string, SuppressedDestination>();
  const list: SuppressionList = {
    get: (address) => entries.get(keyOf(address)),
    put(entry) {
      entries.set(keyOf(entry.emailAddress), { ...entry });
    },
    delete: (address) => entries.delete(keyOf(address)),
    list: () => [...entries.values()],
    autoReasons: [...autoReasons],
    reset() {
      entries.clear();
      for (const entry of initial) list.put(entry);
      list.autoReasons = [...autoReasons];
    },
  };
  list.reset();
  return list;
}
