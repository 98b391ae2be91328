import { describe, expect, it } from 'vitest';
import { createRequestTracker } from './request-tracker.js';

describe('createRequestTracker', () => {
  it('reports the most requests in flight at once', () => {
    const tracker = createRequestTracker();
    const a = tracker.start(new AbortController().signal);
    const b = tracker.start(new AbortController().signal);
    a();
    const c = tracker.start(new AbortController().signal);
    b();
    c();
    expect(tracker.peakInFlight()).toBe(2);
  });

  it('counts a hang-up only when the client left before the answer', () => {
    const tracker = createRequestTracker();
    const early = new AbortController();
    tracker.start(early.signal);
    early.abort();
    const late = new AbortController();
    tracker.start(late.signal)();
    late.abort();
    const already = AbortSignal.abort();
    tracker.start(already);
    expect(tracker.hangUps()).toBe(2);
  });

  it('keeps requests still in flight counted across reset, and an answer counts once', () => {
    const tracker = createRequestTracker();
    const done = tracker.start(new AbortController().signal);
    tracker.start(new AbortController().signal)();
    tracker.reset();
    expect(tracker.peakInFlight()).toBe(1);
    done();
    done();
    tracker.start(new AbortController().signal);
    expect(tracker.peakInFlight()).toBe(1);
    expect(tracker.hangUps()).toBe(0);
  });
});
