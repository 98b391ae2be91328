import type { ConnectorMetadata } from '../contract.js';
import { inspect } from '../node-builtins.js';

export interface ConnectorSnapshot {
  metadata: ConnectorMetadata;
  config: unknown;
  closed: boolean;
}

/**
 * `toJSON` and `util.inspect` of a connector: its metadata, the redacted config and whether it
 * is closed, never a secret.
 */
export function inspectable(provider: string, snapshot: () => ConnectorSnapshot) {
  return {
    toJSON: snapshot,
    [Symbol.for('nodejs.util.inspect.custom')](
      depth: number,
      inspectOptions: Parameters<typeof inspect>[1],
    ): string {
      if (depth < 0) return `[EmailConnector ${provider}]`;
      const nested = inspectOptions?.depth;
      return `EmailConnector ${inspect(snapshot(), {
        ...inspectOptions,
        depth: nested === null || nested === undefined ? nested : nested - 1,
      })}`;
    },
  };
}
