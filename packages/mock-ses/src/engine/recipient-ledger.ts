/**
 * Recipients counted by time, for the quotas (max send rate, 24-hour quota, SentLast24Hours):
 * times in order with running totals, so "recipients after t" is a binary search instead of a
 * scan of the outbox (which made every quota-checked send cost O(outbox)).
 */
export class RecipientLedger {
  #times: number[] = [];
  /** `#totals[i]`: recipients of entries 0..i. */
  #totals: number[] = [];

  add(time: number, recipients: number): void {
    const last = this.#times.length - 1;
    if (last >= 0 && time < (this.#times[last] as number)) {
      // A clock that went back (an injected `now`): rare, so a rebuild is fine.
      const entries = this.#entries();
      entries.push([time, recipients]);
      this.reset(entries);
      return;
    }
    this.#times.push(time);
    this.#totals.push((last >= 0 ? (this.#totals[last] as number) : 0) + recipients);
  }

  /** Replaces the content (after a remove or a clear of the outbox). */
  reset(entries: [time: number, recipients: number][] = []): void {
    entries.sort((a, b) => a[0] - b[0]);
    this.#times = [];
    this.#totals = [];
    let total = 0;
    for (const [time, recipients] of entries) {
      total += recipients;
      this.#times.push(time);
      this.#totals.push(total);
    }
  }

  /** Recipients of entries strictly after `since`. */
  since(since: number): number {
    const times = this.#times;
    let low = 0;
    let high = times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((times[mid] as number) > since) high = mid;
      else low = mid + 1;
    }
    const total = this.#totals.at(-1) ?? 0;
    return low === 0 ? total : total - (this.#totals[low - 1] as number);
  }

  #entries(): [number, number][] {
    return this.#times.map((time, i) => [
      time,
      (this.#totals[i] as number) - (i > 0 ? (this.#totals[i - 1] as number) : 0),
    ]);
  }
}
