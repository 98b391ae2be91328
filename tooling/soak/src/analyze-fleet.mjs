import { indexOf, percentile, recipientOf, tally, violationList } from './analyze.mjs';

/**
 * The fleet soak's invariants. Every key (one message to `s<i>@soak.example`, one idempotency
 * key) was sent by `senders` processes at once, sharing one Redis:
 * - every send ended as a message id or a typed ConnectorError (no hang, no untyped error);
 * - nothing doubled by the fleet: every caller that succeeded for a key got the same message
 *   id, which the outbox holds for that key; a delivery beyond it is a duplicate only an
 *   attempt SES accepted but whose answer never came can make (at most one per attempt);
 * - nothing lost: a success is in the outbox; nothing in the outbox is for anyone else;
 * - SES never throttled the fleet (only the injected throttle faults answer 429);
 * - no unhandled rejection in any process.
 */
export function analyzeFleet({
  options,
  senders,
  results,
  outbox,
  sesRequests,
  lateRequestIds,
  unhandled,
  restarts,
  elapsedMs,
}) {
  const { violations, note } = violationList();

  const byKey = new Map();
  for (const record of results) {
    const list = byKey.get(record.i) ?? [];
    list.push(record);
    byKey.set(record.i, list);
  }
  let missing = 0;
  for (let i = 0; i < options.n; i++) missing += Math.max(0, senders - (byKey.get(i)?.length ?? 0));
  if (missing > 0) note(`${missing} sends never reported an outcome`);

  const deliveries = new Map();
  for (const message of outbox) {
    const to = message.to.map((address) => address.toLowerCase());
    const index = to.length === 1 ? indexOf(to[0]) : undefined;
    if (index === undefined || index >= options.n) {
      note(`the outbox holds a message for someone no send addressed (${to.join(', ')})`);
      continue;
    }
    const list = deliveries.get(index) ?? [];
    list.push(message);
    deliveries.set(index, list);
  }
  const attempts = new Map();
  let naturalThrottles = 0;
  for (const entry of sesRequests) {
    const to = entry.body?.Destination?.ToAddresses?.[0];
    if (typeof to === 'string')
      attempts.set(to.toLowerCase(), (attempts.get(to.toLowerCase()) ?? 0) + 1);
    if (entry.errorType === 'TooManyRequestsException' && !entry.fault) naturalThrottles += 1;
  }
  if (naturalThrottles > 0) {
    note(
      `SES throttled the fleet ${naturalThrottles} time(s): the shared rate limiter let too much through`,
    );
  }

  let ok = 0;
  let hangs = 0;
  let untyped = 0;
  let duplicates = 0;
  let lateDuplicates = 0;
  let storeRetries = 0;
  const failedCodes = [];
  const latencies = [];
  let keysDelivered = 0;
  for (const [index, records] of byKey) {
    const delivered = deliveries.get(index) ?? [];
    const tries = attempts.get(recipientOf(index)) ?? 0;
    if (delivered.length > tries)
      note(`key ${index} was delivered ${delivered.length} times in ${tries} attempts`);
    if (delivered.length > 0) keysDelivered += 1;
    const ids = new Set();
    for (const record of records) {
      latencies.push(record.ms);
      storeRetries += record.storeErrors ?? 0;
      if (record.hang) {
        hangs += 1;
        note(
          `key ${index} hung in process ${record.p}: still pending after ${options.watchdogMs} ms`,
        );
      } else if (record.untyped !== undefined) {
        untyped += 1;
        note(`key ${index} failed with an untyped error in process ${record.p}: ${record.untyped}`);
      } else if (record.ok) {
        ok += 1;
        ids.add(record.messageId);
      } else {
        failedCodes.push(
          record.providerCode ? `${record.code} (${record.providerCode})` : record.code,
        );
      }
    }
    if (ids.size > 1) {
      note(
        `key ${index} was sent ${ids.size} times by the fleet, each answered: the idempotency key did not hold`,
      );
    }
    const [id] = ids;
    if (id !== undefined && !delivered.some((message) => message.messageId === id)) {
      note(`key ${index} succeeded with a message id the outbox does not hold for it`);
    }
    const extra = delivered.filter((message) => message.messageId !== id);
    // With no success, one delivery is the send whose answer was lost; the rest are extra.
    const extraCount = id === undefined ? Math.max(0, extra.length - 1) : extra.length;
    duplicates += extraCount;
    lateDuplicates += Math.min(
      extraCount,
      extra.filter((m) => lateRequestIds.has(m.requestId)).length,
    );
  }
  if (unhandled.length > 0)
    note(`${unhandled.length} unhandled rejection(s), first: ${unhandled[0]}`);

  latencies.sort((a, b) => a - b);
  return {
    options: {
      n: options.n,
      processes: options.processes,
      concurrency: options.concurrency,
      rate: options.rate,
      faultRate: options.faultRate,
      seed: options.seed,
      redisRestarts: options.redisRestarts,
    },
    sends: results.length,
    ok,
    failed: failedCodes.length,
    failedByCode: tally(failedCodes),
    hangs,
    untyped,
    keys: byKey.size,
    keysDelivered,
    redisRestartsDone: restarts,
    retriesAfterRedisErrors: storeRetries,
    sesAttempts: sesRequests.length,
    naturalThrottles,
    outbox: [...deliveries.values()].reduce((sum, list) => sum + list.length, 0),
    duplicates,
    duplicatesFromLateAnswers: lateDuplicates,
    latencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    },
    elapsedMs: Math.round(elapsedMs),
    unhandledRejections: unhandled.length,
    violations,
  };
}

/** The fleet summary as the table `pnpm soak --fleet` prints. */
export function formatFleetSummary(summary) {
  const o = summary.options;
  const rows = [
    ['keys (each sent by 2 processes)', summary.keys],
    ['sends', summary.sends],
    ['succeeded', summary.ok],
    ['failed (typed)', `${summary.failed} ${JSON.stringify(summary.failedByCode)}`],
    ['hangs / untyped errors', `${summary.hangs} / ${summary.untyped}`],
    ['keys delivered', summary.keysDelivered],
    ['Redis restarts', summary.redisRestartsDone],
    ['retries after a Redis error', summary.retriesAfterRedisErrors],
    ['SES attempts', summary.sesAttempts],
    ['SES throttles (not injected)', summary.naturalThrottles],
    ['outbox', summary.outbox],
    [
      'duplicates (accepted, answer lost)',
      `${summary.duplicates} (${summary.duplicatesFromLateAnswers} from late answers)`,
    ],
    [
      'latency p50 / p99 / max ms',
      `${summary.latencyMs.p50} / ${summary.latencyMs.p99} / ${summary.latencyMs.max}`,
    ],
    ['elapsed ms', summary.elapsedMs],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `soak --fleet: ${o.n} keys, ${o.processes} processes × concurrency ${o.concurrency}, MaxSendRate ${o.rate}, fault rate ${o.faultRate}, seed ${o.seed}, ${o.redisRestarts} Redis restart(s)`,
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    summary.violations.length === 0
      ? 'all invariants hold'
      : `INVARIANTS BROKEN:\n${summary.violations.map((v) => `  - ${v}`).join('\n')}`,
  ];
  return lines.join('\n');
}
