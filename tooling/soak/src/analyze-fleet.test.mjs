import { describe, expect, it } from 'vitest';
import { recipientOf } from './analyze.mjs';
import { analyzeFleet } from './analyze-fleet.mjs';

const options = {
  n: 2,
  processes: 2,
  concurrency: 1,
  rate: 10,
  faultRate: 0,
  seed: 1,
  redisRestarts: 1,
  watchdogMs: 30_000,
};
const request = (index, extra = {}) => ({
  body: { Destination: { ToAddresses: [recipientOf(index)] } },
  ...extra,
});
const message = (index, id, requestId = `req-${id}`) => ({
  messageId: id,
  requestId,
  to: [recipientOf(index)],
});

/** Both processes sent both keys; one delivery each, both callers got its id. */
function cleanRun() {
  return {
    options,
    senders: 2,
    results: [
      { i: 0, p: 0, ok: true, messageId: 'm0', ms: 5 },
      { i: 0, p: 1, ok: true, messageId: 'm0', ms: 9 },
      { i: 1, p: 0, ok: true, messageId: 'm1', ms: 5 },
      { i: 1, p: 1, code: 'provider_unavailable', providerCode: 'RedisStoreUnavailable', ms: 3 },
    ],
    outbox: [message(0, 'm0'), message(1, 'm1')],
    sesRequests: [request(0), request(1)],
    lateRequestIds: new Set(),
    unhandled: [],
    restarts: 1,
    elapsedMs: 100,
  };
}

describe('analyzeFleet', () => {
  it('passes a clean fleet run and counts typed failures by code', () => {
    const summary = analyzeFleet(cleanRun());
    expect(summary.violations).toEqual([]);
    expect(summary.failedByCode).toEqual({ 'provider_unavailable (RedisStoreUnavailable)': 1 });
    expect(summary.duplicates).toBe(0);
  });

  it('flags a key two processes both sent and were both answered for', () => {
    const run = cleanRun();
    run.results[1] = { i: 0, p: 1, ok: true, messageId: 'm0b', ms: 9 };
    run.outbox.push(message(0, 'm0b'));
    run.sesRequests.push(request(0));
    expect(analyzeFleet(run).violations).toEqual([
      'key 0 was sent 2 times by the fleet, each answered: the idempotency key did not hold',
    ]);
  });

  it('counts a delivery whose answer came too late as a duplicate, not a violation', () => {
    const run = cleanRun();
    run.outbox.push(message(0, 'm0-late', 'req-late'));
    run.sesRequests.push(request(0));
    run.lateRequestIds = new Set(['req-late']);
    const summary = analyzeFleet(run);
    expect(summary.violations).toEqual([]);
    expect(summary.duplicates).toBe(1);
    expect(summary.duplicatesFromLateAnswers).toBe(1);
  });

  it('flags a throttle that was not injected, an untyped error and a hang', () => {
    const run = cleanRun();
    run.sesRequests.push(request(1, { errorType: 'TooManyRequestsException' }));
    run.sesRequests.push(
      request(1, { errorType: 'TooManyRequestsException', fault: 'TooManyRequestsException' }),
    );
    run.results[2] = { i: 1, p: 0, untyped: 'TypeError: x', ms: 1 };
    run.results[3] = { i: 1, p: 1, hang: true, ms: 30_000 };
    const { violations } = analyzeFleet(run);
    expect(violations).toHaveLength(3);
    expect(violations[0]).toMatch(/throttled the fleet 1 time/);
    expect(violations.join('\n')).toMatch(/untyped error[\s\S]*hung|hung[\s\S]*untyped/);
  });
});
