import { ConnectorError } from '../connector-error.js';
import type { ConnectorMetadata, EmailConnector } from '../contract.js';
import type { ResolvedFailoverOptions } from './failover-options.js';

/** Refuses anything but a non-empty list of distinct connectors, before any send. */
export function validateConnectors(
  connectors: unknown,
): asserts connectors is readonly EmailConnector[] {
  const problem = !Array.isArray(connectors)
    ? 'pass an array of connectors'
    : connectors.length === 0
      ? 'pass at least one connector'
      : connectors.findIndex(
            (c) => typeof c?.sendMessage !== 'function' || typeof c?.metadata !== 'object',
          ) !== -1
        ? 'every entry must be an EmailConnector (from a connector factory)'
        : new Set(connectors).size !== connectors.length
          ? 'each connector may appear once; create a second connector to use a provider twice'
          : undefined;
  if (problem) {
    throw new ConnectorError('invalid_config', `Invalid failover connector list: ${problem}.`, {
      provider: 'failover',
      hint: 'createFailoverConnector([primary, secondary], options) with connectors made by their factories.',
    });
  }
}

/**
 * The failover connector's metadata: a capability holds only when every member has it
 * (`check` when any has it; `retries` whenever there is a member to fail over to).
 */
export function failoverMetadata(
  members: readonly EmailConnector[],
  resolved: Pick<ResolvedFailoverOptions, 'id' | 'provider' | 'strategy'>,
): ConnectorMetadata {
  const { provider } = resolved;
  const names = members.map((c) => c.metadata.name).join(' → ');
  const every = (name: 'tags' | 'replyTo' | 'requestTimeout') =>
    members.every((c) => c.metadata.capabilities[name]);
  return Object.freeze({
    id: resolved.id,
    provider,
    name: `Failover (${names})`,
    description: `Sends through ${names} in ${resolved.strategy} order, moving on to the next when a provider throttles or is unavailable.`,
    capabilities: Object.freeze({
      check: members.some((c) => typeof c.check === 'function'),
      tags: every('tags'),
      replyTo: every('replyTo'),
      retries: members.length > 1 || members.some((c) => c.metadata.capabilities.retries),
      requestTimeout: every('requestTimeout'),
    }),
    formItems: Object.freeze([]),
  });
}
