import type { IdentityStore } from '../types.js';
import { domainOf } from './address.js';

const parentDomain = (domain: string): string =>
  domain.includes('.') ? domain.slice(domain.indexOf('.') + 1) : '';

export interface StoredIdentity {
  name: string;
  createdAt: number;
  configurationSetName?: string;
  tags: { Key: string; Value: string }[];
}

export interface EngineIdentityStore extends IdentityStore {
  /** Whether an identity list was configured; without one every sender is accepted. */
  readonly enforced: boolean;
  get(identity: string): StoredIdentity | undefined;
  add(identity: string, extra?: Partial<Omit<StoredIdentity, 'name'>>): StoredIdentity;
  reset(): void;
}

export function createIdentityStore(
  initial: readonly string[] | undefined,
  now: () => number,
): EngineIdentityStore {
  const identities = new Map<string, StoredIdentity>();
  const key = (identity: string) => identity.trim().toLowerCase();
  const add = (identity: string, extra: Partial<Omit<StoredIdentity, 'name'>> = {}) => {
    const stored: StoredIdentity = { name: identity.trim(), createdAt: now(), tags: [], ...extra };
    identities.set(key(identity), stored);
    return stored;
  };
  const reset = () => {
    identities.clear();
    for (const identity of initial ?? []) add(identity);
  };
  reset();

  return {
    enforced: initial !== undefined,
    verify: (identity) => {
      add(identity);
    },
    add,
    get: (identity) => identities.get(key(identity)),
    remove: (identity) => {
      identities.delete(key(identity));
    },
    list: () => [...identities.values()].map((i) => i.name),
    // A verified domain covers its subdomains too, as on SES.
    isVerified(address) {
      if (initial === undefined) return true;
      const normalized = key(address);
      if (identities.has(normalized)) return true;
      let domain = normalized.includes('@') ? domainOf(normalized) : parentDomain(normalized);
      while (domain) {
        if (identities.has(domain)) return true;
        domain = parentDomain(domain);
      }
      return false;
    },
    reset,
  };
}
