const mb = 1024 * 1024;

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const recipientOf = (index) => `s${index}@soak.example`;

/** The send index of a soak recipient, or undefined for anyone else. */
export const indexOf = (recipient) => {
  const match = /^s(\d+)@soak\.example$/i.exec(recipient);
  return match ? Number(match[1]) : undefined;
};

/** `{ value: count }`, most frequent first. */
export function tally(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a));
}

/** The violations found, bounded: the first 50, then one line saying more were left out. */
export function violationList() {
  const violations = [];
  const note = (message) => {
    if (violations.length < 50) violations.push(message);
    else if (violations.length === 50) violations.push('… more violations left out');
  };
  return { violations, note };
}

/**
 * Checks the soak's invariants against what the mock saw. Each send has its own recipient, so
 * the outbox tells per send how often it was delivered:
 * - every send ended as a message id or a typed ConnectorError: no hang, no untyped error;
 * - a successful send's message id is in the outbox, addressed to its recipient (nothing lost);
 * - a send is delivered at most once per attempt that reached the mock (nothing doubled but
 *   by a retry), and every delivery beyond the one a success reports is counted as a
 *   duplicate: an attempt SES accepted but whose answer the connector never got;
 * - hence successes == outbox − duplicates, with nothing in the outbox for anyone else;
 * - no unhandled rejection; heap growth after gc within the limit; nothing keeps the driver
 *   process alive once its connector is closed.
 *
 * @returns the summary figures and `violations` (empty when every invariant holds).
 */
export function analyze({
  options,
  results,
  outbox,
  attemptsByRecipient,
  lateRequestIds,
  faultsInjected,
  heapBefore,
  heapAfter,
  unhandled,
  elapsedMs,
  driverExitedCleanly = true,
  driverExitGraceMs = 0,
}) {
  const { violations, note } = violationList();

  const byIndex = new Map();
  for (const record of results) {
    if (byIndex.has(record.i)) note(`send ${record.i} reported twice`);
    byIndex.set(record.i, record);
  }
  const missing = options.n - byIndex.size;
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

  let ok = 0;
  let hangs = 0;
  let untyped = 0;
  let duplicates = 0;
  let lateDuplicates = 0;
  let failedDelivered = 0;
  const failedCodes = [];
  const latencies = [];
  for (const [index, record] of byIndex) {
    latencies.push(record.ms);
    const delivered = deliveries.get(index) ?? [];
    const attempts = attemptsByRecipient.get(recipientOf(index)) ?? 0;
    if (delivered.length > attempts) {
      note(`send ${index} was delivered ${delivered.length} times in ${attempts} attempts`);
    }
    let extra = delivered;
    if (record.hang) {
      hangs += 1;
      note(`send ${index} hung: still pending after ${options.watchdogMs} ms`);
    } else if (record.untyped !== undefined) {
      untyped += 1;
      note(`send ${index} failed with an untyped error: ${record.untyped}`);
    } else if (record.ok) {
      ok += 1;
      const own = delivered.find((message) => message.messageId === record.messageId);
      if (own === undefined) {
        note(`send ${index} succeeded with a message id the outbox does not hold for it`);
      } else {
        extra = delivered.filter((message) => message !== own);
      }
    } else {
      failedCodes.push(record.code);
      if (delivered.length > 0) failedDelivered += 1;
    }
    duplicates += extra.length;
    lateDuplicates += extra.filter((message) => lateRequestIds.has(message.requestId)).length;
  }

  const outboxForSends = [...deliveries.values()].reduce((sum, list) => sum + list.length, 0);
  if (ok !== outboxForSends - duplicates) {
    note(`successes (${ok}) != outbox (${outboxForSends}) - duplicates (${duplicates})`);
  }
  if (unhandled.length > 0) {
    note(`${unhandled.length} unhandled rejection(s), first: ${unhandled[0]}`);
  }
  if (!driverExitedCleanly) {
    note(
      `the driver process was still running ${driverExitGraceMs} ms after close(): a socket or timer outlived the connector`,
    );
  }
  const heapGrowth = heapAfter - heapBefore;
  if (heapGrowth > options.maxHeapGrowthMb * mb) {
    note(
      `heap grew ${(heapGrowth / mb).toFixed(1)} MB after gc (limit ${options.maxHeapGrowthMb} MB)`,
    );
  }

  latencies.sort((a, b) => a - b);
  const attemptsTotal = [...attemptsByRecipient.entries()]
    .filter(([recipient]) => indexOf(recipient) !== undefined)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    options: {
      n: options.n,
      concurrency: options.concurrency,
      faultRate: options.faultRate,
      seed: options.seed,
      timeoutMs: options.timeoutMs,
      maxAttempts: options.maxAttempts,
    },
    sent: byIndex.size,
    ok,
    failed: failedCodes.length,
    failedByCode: tally(failedCodes),
    hangs,
    untyped,
    attempts: attemptsTotal,
    retries: Math.max(0, attemptsTotal - byIndex.size),
    faultsInjected,
    outbox: outboxForSends,
    duplicates,
    duplicatesFromLateAnswers: lateDuplicates,
    failedButDelivered: failedDelivered,
    latencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    },
    elapsedMs: Math.round(elapsedMs),
    sendsPerSecond: elapsedMs > 0 ? Math.round((byIndex.size / elapsedMs) * 1000) : 0,
    heap: {
      beforeMb: Number((heapBefore / mb).toFixed(1)),
      afterMb: Number((heapAfter / mb).toFixed(1)),
      growthMb: Number((heapGrowth / mb).toFixed(1)),
    },
    unhandledRejections: unhandled.length,
    violations,
  };
}
