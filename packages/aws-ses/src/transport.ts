import { SendEmailCommand, type SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import {
  type CheckingTransport,
  ConnectorError,
  type OutgoingEmail,
  type TransportContext,
  type TransportResult,
} from '@org/connector-core/provider';
import type { AwsSesConfig } from './config-schema.js';
import { mapSesError } from './error-mapping.js';
import { runPreflight } from './preflight.js';
import { toSendEmailInput } from './send-email-input.js';
import { createSesClient } from './ses-client.js';
import { createSesPacer } from './ses-pacer.js';

export interface AwsSesTransportContext {
  provider: string;
  /**
   * The connector's close signal: a send whose signal is this one has no caller signal. Without
   * it every send's signal goes to the SDK.
   */
  closeSignal?: AbortSignal;
}

/**
 * The SES transport: one `SESv2Client` (and one pacer) for the connector's lifetime, destroyed
 * by `close()`.
 */
export function createAwsSesTransport(
  config: AwsSesConfig,
  { provider, closeSignal }: AwsSesTransportContext,
): CheckingTransport {
  let closed = false;
  const client = createSesClient(config, {
    isClosed: () => closed || closeSignal?.aborted === true,
  });
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
        const command = new SendEmailCommand(input);
        // Only a caller's signal goes to the SDK. Options of any kind turn off its middleware
        // cache, and it listens to a signal per request: ~130 µs of CPU a send together. The
        // close signal is not needed there: close() destroys the sockets in flight, and the
        // client starts no attempt after it (see createSesClient).
        output = await (signal === closeSignal
          ? client.send(command)
          : client.send(command, { abortSignal: signal }));
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
      closed = true;
      pacer.close();
      client.destroy();
    },
  };
}
