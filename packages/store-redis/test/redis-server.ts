import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A free loopback port (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

export const hasRedisServerBinary = (): boolean =>
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Where the tests find Redis: `REDIS_URL` (CI starts one), else a redis-server this test file
 * starts itself. Without either, CI (`CI=true`) fails loudly; a local run skips with the reason.
 */
export function redisAvailability(): { ok: true } | { ok: false; reason: string } {
  if (process.env.REDIS_URL || hasRedisServerBinary()) return { ok: true };
  const reason =
    'No Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379) or install redis-server (apt-get install -y redis-server).';
  if (process.env.CI === 'true') {
    throw new Error(`@org/connector-store-redis tests need a real Redis in CI. ${reason}`);
  }
  console.warn(`[store-redis] skipping the Redis tests. ${reason}`);
  return { ok: false, reason };
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: like a crash; nothing persisted survives unless `appendonly`). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/** A redis-server of the test's own on a free loopback port, no persistence unless asked. */
export async function startRedisServer(
  options: { appendonly?: boolean; dir?: string } = {},
): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    options.appendonly ? 'yes' : 'no',
    ...(options.appendonly ? ['--appendfsync', 'always'] : []),
    ...(options.dir ? ['--dir', options.dir] : []),
    '--protected-mode',
    'no',
  ];
  const start = async () => {
    if (child && child.exitCode === null) return;
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          proc.stdout?.off('data', onData);
          proc.stdout?.resume();
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.once('exit', (code) =>
        reject(new Error(`redis-server exited (${code}): ${output.slice(-500)}`)),
      );
    });
  };
  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    proc.kill('SIGKILL');
    await once(proc, 'exit');
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}

/** The shared Redis for a test file: REDIS_URL, or a server of its own (stopped by `close`). */
export async function sharedRedis(): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, close: async () => {} };
  const server = await startRedisServer();
  return { url: server.url, close: server.stop };
}
