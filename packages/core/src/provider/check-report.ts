import type { CheckItem, CheckReport } from '../contract.js';

/** A report over its items: `ok` unless an item failed (warnings do not fail it). */
export function checkReport(checks: CheckItem[]): CheckReport {
  return { ok: checks.every((item) => item.status !== 'fail'), checks };
}

/** A failed item that says what the error says: its message as detail, its hint as hint. */
export function failedItem(name: string, error: { message: string; hint?: string }): CheckItem {
  return {
    name,
    status: 'fail',
    detail: error.message,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  };
}
