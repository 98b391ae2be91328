import { summarizeColdStart } from '../benches/cold-start.mjs';
import { pairedRatio } from '../lib/interleave.mjs';
import { fmt } from './format.mjs';

const verdict = (ok) => (ok ? 'met' : 'MISSED');

/** The targets, read from this run. A target whose inputs did not run is `n/a`. */
export function evaluateTargets(benchmarks) {
  const out = [];
  const send = benchmarks.send?.results ?? {};
  for (const [key, rows] of Object.entries(send)) {
    const c = key.slice(1);
    const ours = rows['org-connector'];
    const raw = rows['raw-sdk'];
    const logto = rows.logto;
    out.push(
      ours && raw
        ? {
            target: `ours ≥ 0.90× raw SDK, c=${c}`,
            measured: `${fmt.ratio(ours.ratio)} msg/s; CPU ${fmt.us(ours.cpuUsPerMsg)} vs ${fmt.us(raw.cpuUsPerMsg)} µs/msg`,
            status: verdict(ours.ratio >= 0.9),
          }
        : { target: `ours ≥ 0.90× raw SDK, c=${c}`, measured: '–', status: 'n/a' },
    );
    const vsLogto = pairedRatio(ours, logto);
    out.push(
      ours && logto
        ? {
            target: `ours ≥ 2× Logto, c=${c}`,
            measured: `${fmt.ratio(vsLogto)} msg/s; CPU ${fmt.us(ours.cpuUsPerMsg)} vs ${fmt.us(logto.cpuUsPerMsg)} µs/msg`,
            status: verdict(vsLogto >= 2),
          }
        : { target: `ours ≥ 2× Logto, c=${c}`, measured: '–', status: 'n/a' },
    );
  }
  for (const [key, rows] of Object.entries(benchmarks.servers?.results ?? {})) {
    const c = key.slice(1);
    const mock = rows['mock-ses'];
    const local = rows['aws-ses-v2-local'];
    const target = `@org/mock-ses server ≥ 1.5× aws-ses-v2-local, c=${c}`;
    out.push(
      mock && local
        ? {
            target,
            measured: `${fmt.ratio(mock.ratio)} msg/s; server CPU ${fmt.us(mock.serverCpuUsPerMsg)} vs ${fmt.us(local.serverCpuUsPerMsg)} µs/msg`,
            status: verdict(mock.ratio >= 1.5),
          }
        : { target, measured: '–', status: 'n/a' },
    );
  }
  out.push(...coldTargetRows(benchmarks.cold));
  const fleet = benchmarks.fleet?.rate;
  out.push(
    fleet
      ? {
          target: 'fleet of 4 on one Redis: 0 throttled, ≥ 95 % of MaxSendRate',
          measured: `${fleet.throttledAtSes} throttled, ${(100 * fleet.utilization).toFixed(1)} %`,
          // Below 1.5× the rate unpaced, the machine, not the limiter, sets the utilisation.
          status:
            fleet.throttledAtSes > 0
              ? 'MISSED'
              : fleet.utilization >= 0.95
                ? 'met'
                : fleet.unpacedCeilingPerSecond < 1.5 * fleet.maxSendRate
                  ? `n/a (machine-bound: ${fleet.unpacedCeilingPerSecond}/s unpaced)`
                  : 'MISSED',
        }
      : {
          target: 'fleet of 4 on one Redis: 0 throttled, ≥ 95 % of MaxSendRate',
          measured: '–',
          status: 'n/a',
        },
  );
  const keyed = benchmarks.fleet?.idempotency;
  const limited = benchmarks.fleet?.recipientLimit;
  out.push(
    keyed && limited
      ? {
          target: 'fleet: one key sends once; recipientLimit holds across processes',
          measured: `${keyed.acceptedAtSes} sent for the key; ${limited.acceptedAtSes} of max ${limited.max} to the recipient`,
          status: verdict(
            keyed.acceptedAtSes === 1 &&
              keyed.distinctResults === 1 &&
              limited.acceptedAtSes === limited.max,
          ),
        }
      : {
          target: 'fleet: one key sends once; recipientLimit holds across processes',
          measured: '–',
          status: 'n/a',
        },
  );
  return out;
}

/** The cold-start targets: ours ≤ 1.15× the SDK (whole process), core ≤ 40 ms over bare node. */
function coldTargetRows(cold) {
  const names = [
    'cold import of ours ≤ 1.15× SDK alone (whole process, wall)',
    'cold import of ours ≤ 1.15× SDK alone (in-process import time)',
    'cold import of core ≤ 40 ms over bare node (whole process, wall)',
  ];
  const rows = cold ? summarizeColdStart(cold) : {};
  const ours = rows['org-connector'];
  const sdk = rows.sdk;
  const core = rows['org-core'];
  if (!ours?.wallRatio || !sdk || !core) {
    return names.map((target) => ({ target, measured: '–', status: 'n/a' }));
  }
  return [
    {
      target: names[0],
      measured: `${fmt.ratio(ours.wallRatio)} (${fmt.ms(ours.wallMs)} vs ${fmt.ms(sdk.wallMs)} ms); CPU ${fmt.ratio(ours.cpuRatio)}; peak RSS ${fmt.mib(ours.rssMiB)} vs ${fmt.mib(sdk.rssMiB)} MiB`,
      status: verdict(ours.wallRatio <= 1.15),
    },
    {
      target: names[1],
      measured: `${fmt.ratio(ours.importRatio)} (${fmt.ms(ours.importMs)} vs ${fmt.ms(sdk.importMs)} ms); + create + first send ${fmt.ratio(ours.firstSendRatio)}`,
      status: verdict(ours.importRatio <= 1.15),
    },
    {
      target: names[2],
      measured: `${fmt.signed(core.overBareWallMs)} ms wall, ${fmt.signed(core.overBareCpuMs)} ms CPU, ${fmt.signedMib(core.overBareRssMiB)} MiB RSS`,
      status: verdict(core.overBareWallMs <= 40),
    },
  ];
}
