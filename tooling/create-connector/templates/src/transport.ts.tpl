import {
  ConnectorError,
  type EmailTransport,
  type OutgoingEmail,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core';
import type { __PASCAL__Config } from './config-schema.js';
import { map__PASCAL__Error } from './error-mapping.js';

export interface __PASCAL__TransportContext {
  provider: string;
}

/**
 * The only provider-specific step of a send: the email arrives rendered and validated.
 * Create the provider's client here, once per connector, never per send.
 */
export function create__PASCAL__Transport(
  config: __PASCAL__Config,
  { provider }: __PASCAL__TransportContext,
): EmailTransport {
  return {
    async send(email: OutgoingEmail, { signal }: TransportContext): Promise<TransportResult> {
      try {
        // TODO: call the __TITLE__ API with `email` (from, to, subject, html, text, headers,
        // tags), authenticated with config.apiKey, passing `signal` (combined with
        // AbortSignal.timeout(config.requestTimeoutMs)), and return its message id.
        signal.throwIfAborted();
        throw new ConnectorError(
          'general',
          `Not implemented: fill in src/transport.ts (send) to send from ${email.from.address} through ${config.endpoint ?? 'the __TITLE__ API'}.`,
          { provider, hint: 'Implement create__PASCAL__Transport().send in src/transport.ts.' },
        );
      } catch (error) {
        throw map__PASCAL__Error(error, { provider });
      }
    },
  };
}
