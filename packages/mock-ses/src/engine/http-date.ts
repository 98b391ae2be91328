let cachedSecond = -1;
let cachedValue = '';

/**
 * The `date` header value (IMF-fixdate) for now. It changes once a second, so it is formatted
 * once a second rather than once per response.
 */
export function httpDate(nowMs: number = Date.now()): string {
  const second = Math.floor(nowMs / 1000);
  // A mock clock may be far from real time (or not a finite number at all).
  if (!Number.isFinite(second) || Math.abs(second) > 8.64e12) return new Date().toUTCString();
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedValue = new Date(second * 1000).toUTCString();
  }
  return cachedValue;
}
