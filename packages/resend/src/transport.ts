import {
  ConnectorError,
  type EmailTransport,
  type OutgoingEmail,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core';
import type { ResendConfig } from './config-schema.js';
import { mapResendError } from './error-mapping.js';

export interface ResendTransportContext {
  provider: string;
}

/**
 * The only provider-specific step of a send: the email arrives rendered and validated.
 * Create the provider's client here, once per connector, never per send.
 */
export function createResendTransport(
  config: ResendConfig,
  { provider }: ResendTransportContext,
): EmailTransport {
  return {
    async send(email: OutgoingEmail, { signal }: TransportContext): Promise<TransportResult> {
      try {
        // TODO: call the Resend API with `email` (from, to, subject, html, text, headers,
        // tags), authenticated with config.apiKey, passing `signal` (combined with
        // AbortSignal.timeout(config.requestTimeoutMs)), and return its message id.
        signal.throwIfAborted();
        throw new ConnectorError(
          'general',
          `Not implemented: fill in src/transport.ts (send) to send from ${email.from.address} through ${config.endpoint ?? 'the Resend API'}.`,
          { provider, hint: 'Implement createResendTransport().send in src/transport.ts.' },
        );
      } catch (error) {
        throw mapResendError(error, { provider });
      }
    },
  };
}
