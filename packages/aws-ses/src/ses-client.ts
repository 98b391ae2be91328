import { SESv2Client } from '@aws-sdk/client-sesv2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsSesConfig } from './config-schema.js';
import { SesRetryStrategy } from './retry-strategy.js';

/**
 * The one SES client of a connector. Each attempt is bounded by `requestTimeoutMs` (the SDK's
 * retries then get a fresh budget), and sockets are kept alive between sends.
 */
export function createSesClient(config: AwsSesConfig): SESv2Client {
  const { accessKeyId, accessKeySecret, sessionToken } = config;
  return new SESv2Client({
    region: config.region,
    maxAttempts: config.maxAttempts,
    retryStrategy: new SesRetryStrategy(config.maxAttempts),
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    // Without static keys the SDK resolves its default credential chain by itself.
    ...(accessKeyId !== undefined && accessKeySecret !== undefined
      ? {
          credentials: {
            accessKeyId,
            secretAccessKey: accessKeySecret,
            ...(sessionToken === undefined ? {} : { sessionToken }),
          },
        }
      : {}),
    requestHandler: new NodeHttpHandler({
      requestTimeout: config.requestTimeoutMs,
      connectionTimeout: config.requestTimeoutMs,
      // Without it the handler only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
      httpAgent: { keepAlive: true },
      httpsAgent: { keepAlive: true },
    }),
  });
}
