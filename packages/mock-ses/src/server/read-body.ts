import type { IncomingMessage } from 'node:http';
import { ClientRequestError } from './client-request-error.js';

/** Above SES v2's own 40 MB message limit, so the engine still answers oversize sends itself. */
export const maxRequestBytes = 64 * 1024 * 1024;

/** The mock API's own bodies (fault specs) are small: a larger one is refused unread. */
export const maxControlRequestBytes = 1024 * 1024;

export class RequestTooLargeError extends ClientRequestError {
  constructor(limit = maxRequestBytes) {
    super(413, `The request body is larger than ${limit} bytes.`);
    this.name = 'RequestTooLargeError';
  }
}

const empty = Buffer.alloc(0);

/**
 * The whole body. Plain stream events rather than `for await`: an async iterator costs a
 * promise per chunk and end-of-stream bookkeeping on every request, and SES bodies are small.
 */
export function readBody(req: IncomingMessage, limit = maxRequestBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limit) {
        req.off('data', onData);
        // Drain the rest unread; the answer closes the connection.
        req.resume();
        reject(new RequestTooLargeError(limit));
        return;
      }
      chunks.push(buffer);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (chunks.length === 1) resolve(chunks[0] as Buffer);
      else resolve(chunks.length === 0 ? empty : Buffer.concat(chunks, size));
    });
    // Node destroys the request with an `aborted` error when the client goes away mid-body.
    req.once('error', reject);
  });
}
