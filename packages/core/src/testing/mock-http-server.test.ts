import { afterEach, describe, expect, it } from 'vitest';
import type { FetchServer } from './fetch-server.js';
import { startMockHttpServer } from './mock-http-server.js';

describe('startMockHttpServer', () => {
  let server: FetchServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it("answers the provider's routes through handle, and the outbox routes itself", async () => {
    const outbox = [{ id: 'm1' }];
    const seen: string[] = [];
    server = await startMockHttpServer({
      handle: async (request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return Response.json({ ok: true }, { status: 202 });
      },
      outbox: () => outbox,
      reset: () => outbox.splice(0),
    });
    const sent = await fetch(`${server.url}/emails`, { method: 'POST', body: '{}' });
    expect(sent.status).toBe(202);
    expect(await (await fetch(`${server.url}/_mock/outbox`)).json()).toEqual([{ id: 'm1' }]);
    expect((await fetch(`${server.url}/_mock/outbox`, { method: 'DELETE' })).status).toBe(204);
    expect(outbox).toEqual([]);
    expect(seen).toEqual(['POST /emails']);
  });
});
