import { describe, expect, it } from 'vitest';
import { analyze, percentile, recipientOf } from './analyze.mjs';

const mb = 1024 * 1024;
const options = {
  n: 3,
  concurrency: 2,
  faultRate: 0.2,
  seed: 1,
  timeoutMs: 1000,
  maxAttempts: 3,
  watchdogMs: 30_000,
  maxHeapGrowthMb: 30,
};

const message = (index, id, requestId = `req-${id}`) => ({
  messageId: id,
  requestId,
  to: [recipientOf(index)],
});

/** A clean run: send 0 and 1 succeed, send 2 is rejected; one attempt each. */
function cleanRun() {
  return {
    options,
    results: [
      { i: 0, ok: true, messageId: 'm0', attempts: 1, ms: 10 },
      { i: 1, ok: true, messageId: 'm1', attempts: 1, ms: 20 },
      { i: 2, code: 'message_rejected', attempts: 1, ms: 30 },
    ],
    outbox: [message(0, 'm0'), message(1, 'm1')],
    attemptsByRecipient: new Map([0, 1, 2].map((i) => [recipientOf(i), 1])),
    lateRequestIds: new Set(),
    faultsInjected: { 'rejected identity': 1 },
    heapBefore: 10 * mb,
    heapAfter: 12 * mb,
    unhandled: [],
    elapsedMs: 1000,
  };
}

describe('analyze', () => {
  it('passes a clean run and counts what happened', () => {
    const summary = analyze(cleanRun());
    expect(summary.violations).toEqual([]);
    expect(summary).toMatchObject({
      sent: 3,
      ok: 2,
      failed: 1,
      failedByCode: { message_rejected: 1 },
      outbox: 2,
      duplicates: 0,
      retries: 0,
      heap: { growthMb: 2 },
    });
  });

  it('counts an accepted-then-timed-out retry as a duplicate, not a violation', () => {
    const run = cleanRun();
    run.results[0] = { i: 0, ok: true, messageId: 'm0b', attempts: 2, ms: 1500 };
    run.outbox = [message(0, 'm0a', 'held'), message(0, 'm0b'), message(1, 'm1')];
    run.attemptsByRecipient.set(recipientOf(0), 2);
    run.lateRequestIds = new Set(['held']);
    // A send that timed out on its last attempt after SES accepted it: delivered, yet failed.
    run.results[2] = { i: 2, code: 'timeout', attempts: 1, ms: 1000 };
    run.outbox.push(message(2, 'm2'));
    const summary = analyze(run);
    expect(summary.violations).toEqual([]);
    expect(summary.duplicates).toBe(2);
    expect(summary.duplicatesFromLateAnswers).toBe(1);
    expect(summary.failedButDelivered).toBe(1);
    expect(summary.outbox - summary.duplicates).toBe(summary.ok);
  });

  it('flags a success whose message never reached the outbox (a lost email)', () => {
    const run = cleanRun();
    run.outbox = [message(1, 'm1')];
    expect(analyze(run).violations).toEqual([
      'send 0 succeeded with a message id the outbox does not hold for it',
      'successes (2) != outbox (1) - duplicates (0)',
    ]);
  });

  it('flags more deliveries than attempts, and mail for someone no send addressed', () => {
    const run = cleanRun();
    run.outbox.push(message(1, 'm1-again'), { messageId: 'x', requestId: 'r', to: ['eve@x.io'] });
    expect(analyze(run).violations).toEqual([
      'the outbox holds a message for someone no send addressed (eve@x.io)',
      'send 1 was delivered 2 times in 1 attempts',
    ]);
  });

  it('flags hangs, untyped errors and sends that never reported', () => {
    const run = cleanRun();
    run.results = [
      { i: 0, hang: true, ms: 30_000 },
      { i: 1, untyped: 'TypeError: boom', ms: 5 },
    ];
    run.outbox = [];
    const summary = analyze(run);
    expect(summary.hangs).toBe(1);
    expect(summary.untyped).toBe(1);
    expect(summary.violations).toEqual([
      '1 sends never reported an outcome',
      'send 0 hung: still pending after 30000 ms',
      'send 1 failed with an untyped error: TypeError: boom',
    ]);
  });

  it('flags unhandled rejections, heap growth over the limit and a driver that lingers', () => {
    const run = cleanRun();
    run.unhandled = ['Error: nobody listened'];
    run.heapAfter = run.heapBefore + 31 * mb;
    run.driverExitedCleanly = false;
    run.driverExitGraceMs = 5000;
    expect(analyze(run).violations).toEqual([
      '1 unhandled rejection(s), first: Error: nobody listened',
      'the driver process was still running 5000 ms after close(): a socket or timer outlived the connector',
      'heap grew 31.0 MB after gc (limit 30 MB)',
    ]);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});
