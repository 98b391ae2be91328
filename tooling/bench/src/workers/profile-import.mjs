// Profiles one import in a fresh process: argv = output file, sampling interval µs, the
// specifier to profile, then specifiers imported before the profile starts (e.g. the SDK, so
// that only what the package adds on top of it is sampled). Prints `{ importMs, modules }`.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const [out, interval, target, ...before] = process.argv.slice(2);
for (const specifier of before) await import(specifier);
// The `performance` global loads node's perf modules on first use: not inside the profile.
const now = () => performance.now();
now();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: Number(interval) });
await session.post('Profiler.start');
const t0 = now();
await import(target);
const importMs = now() - t0;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(`${JSON.stringify({ importMs })}\n`);
