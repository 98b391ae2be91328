import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A Redis for a fleet run: `REDIS_URL` when set, else a redis-server of our own on a free
 * loopback port (no persistence unless `appendonly`), which `stop()` kills and `start()`
 * brings back on the same port (a restart fault). Rejects when neither is possible.
 */
export async function startRedis({ appendonly = false, dir } = {}) {
  if (process.env.REDIS_URL && !appendonly) {
    return { url: process.env.REDIS_URL, own: false, start: async () => {}, stop: async () => {} };
  }
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(
      'no Redis: set REDIS_URL or install redis-server (apt-get install -y redis-server)',
    );
  }
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', ''];
  args.push('--appendonly', appendonly ? 'yes' : 'no');
  if (appendonly) args.push('--appendfsync', 'always');
  if (dir) args.push('--dir', dir);
  let child;
  const start = async () => {
    if (child && child.exitCode === null) return;
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    await new Promise((resolve, reject) => {
      let out = '';
      const onData = (chunk) => {
        out += chunk;
        if (out.includes('Ready to accept connections')) {
          proc.stdout.off('data', onData);
          proc.stdout.resume();
          resolve();
        }
      };
      proc.stdout.on('data', onData);
      proc.once('exit', (code) =>
        reject(new Error(`redis-server exited (${code}): ${out.slice(-300)}`)),
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
  return { url: `redis://127.0.0.1:${port}`, own: true, start, stop };
}
