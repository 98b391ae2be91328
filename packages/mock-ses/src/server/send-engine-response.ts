import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { EngineResponse } from '../engine/engine-request.js';

/**
 * Writes the engine's answer in one go (head and body in one write). `'network_error'` resets
 * the socket (TCP RST), so the SDK sees ECONNRESET as it would on a dropped connection, and
 * retries.
 */
export function sendEngineResponse(
  response: EngineResponse,
  req: IncomingMessage,
  res: ServerResponse,
  options: { closeConnection: boolean },
): void {
  if (response === 'network_error') {
    (res.socket ?? req.socket).resetAndDestroy();
    return;
  }
  const headers: OutgoingHttpHeaders = { ...response.headers };
  headers['content-length'] = Buffer.byteLength(response.body);
  if (options.closeConnection) headers.connection = 'close';
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : response.body);
}
