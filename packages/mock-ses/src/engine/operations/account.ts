import { optionalBoolean } from '../json-fields.js';
import type { Operation } from './operation.js';

/**
 * Reported when no quota is configured (nothing is enforced then). Production-like numbers on
 * purpose: a connector that paces itself by MaxSendRate would crawl at SES's sandbox value of 1.
 */
export const UNLIMITED_MAX_24_HOUR_SEND = 50_000;
export const UNLIMITED_MAX_SEND_RATE = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** GET /v2/email/account */
export const getAccount: Operation = ({ state }) => ({
  DedicatedIpAutoWarmupEnabled: false,
  EnforcementStatus: state.account.enforcementStatus,
  ProductionAccessEnabled: !state.account.sandbox,
  SendQuota: {
    Max24HourSend: state.account.max24HourSend ?? UNLIMITED_MAX_24_HOUR_SEND,
    MaxSendRate: state.account.maxSendRate ?? UNLIMITED_MAX_SEND_RATE,
    SentLast24Hours: state.outbox.recipientsSince(state.now() - DAY_MS),
  },
  SendingEnabled: state.account.sendingEnabled,
  SuppressionAttributes: { SuppressedReasons: [] },
});

/** PUT /v2/email/account/sending `{ SendingEnabled }` (absent means false, as on SES). */
export const putAccountSendingAttributes: Operation = ({ state, body }) => {
  state.account.sendingEnabled = optionalBoolean(body, 'SendingEnabled', 'sendingEnabled') ?? false;
  return {};
};
