import type { CheckReport, JsonHttpClient } from '@org/connector-core/provider';
import type { __PASCAL__Config } from './config-schema.js';

/**
 * The preflight behind `check()` and `__NAME__-connector check`: proves the credentials and the
 * sender with read-only calls, and sends nothing.
 *
 * TODO: call __TITLE__'s read-only endpoints (e.g. its domain or sender list) through `http`,
 * one `CheckItem` per finding (`status: 'pass' | 'warn' | 'fail'`, with a `hint` saying what
 * to do), a failed call mapped with `map__PASCAL__Error` into `failedItem(name, error)`, and
 * return `checkReport(checks)`; rethrow an `aborted` error. Then test it in test/wire.test.ts.
 */
export async function check__PASCAL__(
  _http: JsonHttpClient,
  config: __PASCAL__Config,
  _options: { provider: string; signal?: AbortSignal },
): Promise<CheckReport> {
  throw new Error(
    `Not implemented: fill in src/preflight.ts (check__PASCAL__) to check the key and the sender ${config.emailAddress}.`,
  );
}
