import { addressOf, parseMailbox } from './address.js';
import { badRequest, notFound, SesError } from './ses-error.js';
import type { EngineState } from './state.js';

export const MAX_RECIPIENTS = 50;
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

/** SES's wording; an empty string reads `Invalid email address .`, as SES answers for `[""]`. */
export function assertValidAddresses(list: readonly string[]): void {
  for (const address of list) {
    if (!parseMailbox(address)) throw badRequest(`Invalid email address ${address}.`);
  }
}

export function assertRecipientCount(count: number): void {
  if (count === 0) {
    throw badRequest(
      'Missing recipients: Destination must have at least one address in ToAddresses, CcAddresses or BccAddresses.',
    );
  }
  if (count > MAX_RECIPIENTS) throw badRequest(`Recipient count exceeds ${MAX_RECIPIENTS}.`);
}

export function assertMessageSize(size: number): void {
  if (size > MAX_MESSAGE_BYTES) {
    throw SesError.of(
      'MessageRejected',
      `Message length is more than ${MAX_MESSAGE_BYTES} bytes long: '${size}'.`,
    );
  }
}

export function assertConfigurationSetExists(state: EngineState, name: string | undefined): void {
  if (name !== undefined && !state.configurationSets.get(name)) {
    throw notFound(`Configuration set ${name} does not exist.`);
  }
}

/** Account-wide and configuration-set-wide states that stop every send. */
export function accountBlock(
  state: EngineState,
  configurationSetName: string | undefined,
): SesError | undefined {
  if (state.account.enforcementStatus === 'SHUTDOWN') {
    return SesError.of(
      'AccountSuspendedException',
      'Your account has been suspended from sending email.',
    );
  }
  if (!state.account.sendingEnabled) {
    return SesError.of('SendingPausedException', 'Sending is paused for this account.');
  }
  const set =
    configurationSetName === undefined
      ? undefined
      : state.configurationSets.get(configurationSetName);
  if (set && !set.sendingEnabled) {
    return SesError.of(
      'SendingPausedException',
      `Sending is paused for configuration set ${set.name}.`,
    );
  }
  return undefined;
}

export const unverifiedMessage = (region: string, identities: readonly string[]) =>
  `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: ${identities.join(', ')}`;

/** The From identity, and in the sandbox every recipient, must be verified. */
export function identityBlock(
  state: EngineState,
  from: string,
  recipients: readonly string[],
): SesError | undefined {
  const failed: string[] = [];
  const fromAddress = addressOf(from);
  if (!state.identities.isVerified(fromAddress)) failed.push(fromAddress);
  if (state.account.sandbox && state.identities.enforced) {
    for (const r of recipients) {
      const address = addressOf(r);
      if (!state.identities.isVerified(address) && !failed.includes(address)) failed.push(address);
    }
  }
  return failed.length
    ? SesError.of('MessageRejected', unverifiedMessage(state.region, failed))
    : undefined;
}

/**
 * SES counts recipients, not calls. A message whose recipients alone exceed the rate still goes
 * through when nothing else was sent in the last second, so it cannot be blocked forever.
 */
export function quotaBlock(state: EngineState, recipientCount: number): SesError | undefined {
  const now = state.now();
  const { max24HourSend, maxSendRate } = state.account;
  if (
    max24HourSend !== undefined &&
    state.outbox.recipientsSince(now - DAY_MS) + recipientCount > max24HourSend
  ) {
    return SesError.of('LimitExceededException', 'Daily message quota exceeded.');
  }
  if (maxSendRate !== undefined) {
    const lastSecond = state.outbox.recipientsSince(now - 1000);
    if (lastSecond > 0 && lastSecond + recipientCount > maxSendRate) {
      return SesError.of('TooManyRequestsException', 'Maximum sending rate exceeded.');
    }
  }
  return undefined;
}
