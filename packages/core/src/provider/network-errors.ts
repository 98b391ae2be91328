import { codesInChain } from './cause-chain.js';

/** What went wrong below the protocol, as far as a user can act on it. */
export type NetworkErrorClass = 'dns' | 'refused' | 'reset' | 'unreachable' | 'timeout';

const errnoClasses: Readonly<Record<string, NetworkErrorClass>> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
};

/** The class of a Node or undici errno code, e.g. `dns` for `ENOTFOUND`. */
export function networkErrorClassOf(code: string): NetworkErrorClass | undefined {
  return Object.hasOwn(errnoClasses, code) ? errnoClasses[code] : undefined;
}

export interface NetworkFailure {
  /** The errno code as found, e.g. `ECONNRESET`. */
  code: string;
  class: NetworkErrorClass;
}

/** The first network errno on the error or its causes (see `codesInChain`), with its class. */
export function networkFailureOf(
  error: unknown,
  fields: readonly string[] = ['code'],
): NetworkFailure | undefined {
  for (const code of codesInChain(error, fields)) {
    const found = networkErrorClassOf(code);
    if (found !== undefined) return { code, class: found };
  }
  return undefined;
}
