import {
  ConnectorError,
  type EmailTransport,
  type OutgoingEmail,
  type TransportFactoryContext,
  type TransportResult,
  type TransportContext,
} from '@org/connector-core/provider';
import type { __PASCAL__Config } from './config-schema.js';
import { map__PASCAL__Error } from './error-mapping.js';

/**
 * The only provider-specific step of a send: the email arrives rendered and validated.
 * Create the provider's client here, once per connector, never per send. Add `check()` (a
 * preflight that sends nothing; `checkReport` and `failedItem` from the kit build its report)
 * and the connector gets `check()` too.
 */
export function create__PASCAL__Transport(
  config: __PASCAL__Config,
  { provider }: TransportFactoryContext,
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
