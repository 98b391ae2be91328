// Runs one sender under `node --cpu-prof`: argv = subject id, server url, n, concurrency.
import { runLoad } from '../lib/load.mjs';
import { subjects } from '../subjects/index.mjs';

const [id, url, n, concurrency] = process.argv.slice(2);
const subject = subjects.find((s) => s.id === id);
if (!subject)
  throw new Error(`unknown subject ${id}; known: ${subjects.map((s) => s.id).join(', ')}`);
const sender = await subject.create({ url });
await runLoad(sender.send, { n: 300, concurrency: Number(concurrency) });
const res = await runLoad(sender.send, { n: Number(n), concurrency: Number(concurrency) });
await sender.close?.();
process.stdout.write(`${JSON.stringify({ msgPerSec: res.msgPerSec })}\n`);
