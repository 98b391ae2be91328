import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

function isStreaming(response: Response) {
  return response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
}

/**
 * Writes a fetch `Response` to the node response. `Response.error()` is how the engine says
 * "network_error": the socket is reset (TCP RST), so the SDK sees ECONNRESET as it would on
 * a dropped connection, and retries.
 */
export async function sendFetchResponse(
  response: Response,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (response.type === 'error') {
    const socket = res.socket ?? req.socket;
    socket.resetAndDestroy();
    return;
  }
  const headers: OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;

  if (isStreaming(response) && response.body) {
    res.writeHead(response.status, headers);
    res.flushHeaders();
    const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
    // A client going away mid-stream is normal for a live page; it just ends the stream.
    await pipeline(body, res).catch(() => {});
    return;
  }

  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
