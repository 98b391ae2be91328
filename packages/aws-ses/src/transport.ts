import { SendEmailCommand, type SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import {
  ConnectorError,
  type EmailTransport,
  type OutgoingEmail,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core';
import type { AwsSesConfig } from './config-schema.js';
import { mapSesError } from './map-ses-error.js';
import { runPreflight } from './preflight.js';
import { toSendEmailInput } from './send-email-input.js';
import { createSesClient } from './ses-client.js';
import { createSesPacer } from './ses-pacer.js';

export interface AwsSesTransportContext {
  provider: string;
}

/**
 * The SES transport: one `SESv2Client` (and one pacer) for the connector's lifetime, destroyed
 * by `close()`.
 */
export function createAwsSesTransport(
  config: AwsSesConfig,
  { provider }: AwsSesTransportContext,
): EmailTransport {
  const client = createSesClient(config);
  const pacer = createSesPacer(client, config, { provider });
  const errorContext = {
    region: config.region,
    provider,
    requestTimeoutMs: config.requestTimeoutMs,
    ...(config.configurationSetName === undefined
      ? {}
      : { configurationSetName: config.configurationSetName }),
  };

  return {
    async send(email: OutgoingEmail, { signal }: TransportContext): Promise<TransportResult> {
      const input = toSendEmailInput(email, config);
      const release = await pacer.acquire(signal);
      let output: SendEmailCommandOutput;
      try {
        output = await client.send(new SendEmailCommand(input), { abortSignal: signal });
      } catch (error) {
        throw mapSesError(error, {
          ...errorContext,
          operation: 'SendEmail',
          signal,
          fromAddress: email.from.address,
        });
      } finally {
        release();
      }
      const { MessageId, $metadata } = output;
      if (MessageId === undefined || MessageId === '') {
        throw new ConnectorError('general', 'SES accepted SendEmail but returned no MessageId.', {
          provider,
          ...($metadata.requestId === undefined ? {} : { requestId: $metadata.requestId }),
          hint: 'Check whether the endpoint setting points at Amazon SES (or a faithful mock).',
        });
      }
      return {
        messageId: MessageId,
        ...($metadata.requestId === undefined ? {} : { requestId: $metadata.requestId }),
        attempts: $metadata.attempts ?? 1,
      };
    },

    check({ signal }) {
      return runPreflight(client, config, {
        provider,
        signal: signal ?? new AbortController().signal,
      });
    },

    close() {
      pacer.close();
      client.destroy();
    },
  };
}
