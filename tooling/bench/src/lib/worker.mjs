import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const benchRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Environment every child gets: no SDK support nag, no SMTP relay for aws-ses-v2-local. */
export function childEnv(extra = {}) {
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  delete env.SMTP_TRANSPORT;
  delete env.NODE_OPTIONS;
  // Set in this process for Logto's connector; a child must reach only the endpoint it is given.
  delete env.AWS_ENDPOINT_URL_SESV2;
  delete env.AWS_ENDPOINT_URL;
  return { ...env, ...extra };
}

/**
 * Starts a long-lived child (a mock server, an in-process msw load, a memory probe) and talks
 * to it by request/response over IPC, so its CPU and heap are measured apart from the load.
 */
export function spawnWorker(script, { args = [], execArgv = [], env } = {}) {
  const child = fork(fileURLToPath(new URL(`../workers/${script}`, import.meta.url)), args, {
    execArgv,
    env: childEnv(env),
    cwd: benchRoot,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const pending = new Map();
  let nextId = 1;
  let exited = false;
  const failAll = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  child.on('message', (msg) => {
    const waiter = pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id);
    if (msg.error) waiter.reject(new Error(`${script}: ${msg.error}`));
    else waiter.resolve(msg.result);
  });
  child.on('exit', (code, signal) => {
    exited = true;
    failAll(new Error(`${script} exited (${signal ?? code}): ${errorLine(stderr)}`));
  });
  const call = (cmd, params = {}) =>
    new Promise((resolve, reject) => {
      if (exited) {
        reject(new Error(`${script} is not running: ${errorLine(stderr)}`));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, params });
    });
  return {
    call,
    pid: child.pid,
    async close() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** The line of a child's stderr that names the error, not the stack frame above it. */
export function errorLine(stderr) {
  const lines = stderr.trim().split('\n');
  return lines.find((l) => /\b\w*Error\b/.test(l))?.trim() ?? lines.at(-1) ?? 'no stderr';
}

/** Child side: answers `call(cmd, params)` from the parent; exits when the parent disconnects. */
export function serveWorker(handlers) {
  process.on('message', async ({ id, cmd, params }) => {
    try {
      const handler = handlers[cmd];
      if (!handler) throw new Error(`unknown command ${cmd}`);
      process.send({ id, result: await handler(params) });
    } catch (error) {
      process.send({
        id,
        error: error instanceof Error ? error.stack || error.message : String(error),
      });
    }
  });
  process.on('disconnect', async () => {
    await handlers.close?.();
    process.exit(0);
  });
}
