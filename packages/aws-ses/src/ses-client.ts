import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { AwsSesConfig } from './config-schema.js';
import { createSesRetryStrategy } from './retry-strategy.js';

export interface SesClientOptions {
  /** True once the connector is closed: from then on no SES attempt starts, first or retry. */
  isClosed?: () => boolean;
}

function closedError(): Error {
  const error = new Error('The SES connector was closed: no request starts after close().');
  // The SDK does not retry an AbortError, and mapSesError maps it to `aborted`.
  error.name = 'AbortError';
  return error;
}

/**
 * The one SES client of a connector. Each attempt is bounded by `requestTimeoutMs` (the SDK's
 * retries then get a fresh budget), and sockets are kept alive between sends.
 */
export function createSesClient(
  config: AwsSesConfig,
  { isClosed = () => false }: SesClientOptions = {},
): SESv2Client {
  const { accessKeyId, accessKeySecret, sessionToken } = config;
  const client = new SESv2Client({
    region: config.region,
    maxAttempts: config.maxAttempts,
    retryStrategy: createSesRetryStrategy(config.maxAttempts, { isClosed }),
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
    // Resolves each command's middleware stack once instead of on every send (~100 µs of CPU
    // a send). The SDK uses the cache only for a send without options: see the transport.
    cacheMiddleware: true,
    // Options rather than a NodeHttpHandler: the SDK builds the same handler from them.
    requestHandler: {
      requestTimeout: config.requestTimeoutMs,
      connectionTimeout: config.requestTimeoutMs,
      // Without it the handler only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
      httpAgent: { keepAlive: true },
      httpsAgent: { keepAlive: true },
    },
  });
  // Inside the retry loop, so it runs before every attempt: a retry that was waiting out its
  // backoff when the connector closed must not go out on a fresh socket afterwards.
  client.middlewareStack.add(
    (next) => (args) => (isClosed() ? Promise.reject(closedError()) : next(args)),
    { step: 'finalizeRequest', priority: 'low', name: 'sesConnectorClosedGuard' },
  );
  return client;
}
