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
  const cold = benchmarks.cold?.results?.['org-connector'];
  out.push(
    cold?.ratioToSdk
      ? {
          target: 'cold import of ours ≤ 1.15× SDK alone',
          measured: `${fmt.ratio(cold.ratioToSdk)} (${fmt.ms(cold.importMs)} vs ${fmt.ms(benchmarks.cold.results.sdk.importMs)} ms)`,
          status: verdict(cold.ratioToSdk <= 1.15),
        }
      : { target: 'cold import of ours ≤ 1.15× SDK alone', measured: '–', status: 'n/a' },
  );
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
