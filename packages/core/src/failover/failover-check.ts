import type { CheckItem, CheckOptions, CheckReport, EmailConnector } from '../contract.js';
import { asConnectorError } from './failover-errors.js';

/**
 * Every member's preflight at once, its items named `1. aws-ses: …`. A member without `check`
 * is a warning (it was not checked), one whose check throws a failure; ok when nothing failed.
 */
export async function checkEvery(
  members: readonly EmailConnector[],
  checkOptions: CheckOptions,
): Promise<CheckReport> {
  const lists = await Promise.all(
    members.map(async (member, index): Promise<CheckItem[]> => {
      const label = `${index + 1}. ${member.metadata.provider}`;
      if (typeof member.check !== 'function') {
        return [
          {
            name: label,
            status: 'warn',
            detail: `${member.metadata.name} has no preflight check; it was not checked.`,
          },
        ];
      }
      try {
        const report = await member.check(checkOptions);
        return report.checks.map((item) => ({ ...item, name: `${label}: ${item.name}` }));
      } catch (caught) {
        const error = asConnectorError(caught, member.metadata.provider);
        return [
          {
            name: label,
            status: 'fail',
            detail: error.message,
            ...(error.hint === undefined ? {} : { hint: error.hint }),
          },
        ];
      }
    }),
  );
  const checks = lists.flat();
  return { ok: checks.every((item) => item.status !== 'fail'), checks };
}
