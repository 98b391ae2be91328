import type { CheckItem, ConnectorError } from '@org/connector-core/provider';
import type { AwsSesConfig } from './config-schema.js';

/** What the preflight learned from GetAccount, as far as pacing cares. */
export type AccountRate =
  | { ok: true; maxSendRate: number | undefined }
  | { ok: false; error: ConnectorError; denied: boolean };

const name = 'pacing';

/** The preflight's verdict on `pacing`; none when pacing is off. */
export function pacingCheckItem(config: AwsSesConfig, account: AccountRate): CheckItem | undefined {
  const { pacing, region } = config;
  if (pacing === 'off') return undefined;
  const accountRate =
    account.ok && account.maxSendRate !== undefined && account.maxSendRate > 0
      ? account.maxSendRate
      : undefined;

  if (pacing === 'auto') {
    if (accountRate !== undefined) {
      return {
        name,
        status: 'pass',
        detail: `Sends are paced to ${accountRate} per second, the account's MaxSendRate in ${region} (read again every 5 minutes).`,
      };
    }
    const why = account.ok
      ? 'GetAccount reported no MaxSendRate'
      : account.denied
        ? 'the credentials lack the IAM permission ses:GetAccount'
        : `GetAccount failed (${account.error.code})`;
    return {
      name,
      status: 'warn',
      detail: `pacing is "auto", but ${why}: sends are not paced until it can be read.`,
      hint: 'Allow ses:GetAccount, or set pacing to { "maxSendRate": <rate> } with the sending rate shown in SES console → Account dashboard.',
    };
  }

  const rate = pacing.maxSendRate;
  if (accountRate !== undefined && rate > accountRate) {
    return {
      name,
      status: 'warn',
      detail: `pacing.maxSendRate is ${rate} per second, above the account's MaxSendRate of ${accountRate} in ${region}: SES throttles the excess.`,
      hint: `Lower pacing.maxSendRate to ${accountRate}, or set pacing to "auto" to follow the account's rate.`,
    };
  }
  return {
    name,
    status: 'pass',
    detail: `Sends are paced to ${rate} per second${accountRate === undefined ? '' : ` (the account allows ${accountRate})`}.`,
  };
}
