import { parseMailbox } from '../address.js';
import { optionalString } from '../json-fields.js';
import { badRequest, missingMember, notFound } from '../ses-error.js';
import type { SuppressedDestination, SuppressionListReason } from '../suppression-list.js';
import type { Operation } from './operation.js';
import { paginate } from './paginate.js';

const reasons: readonly SuppressionListReason[] = ['BOUNCE', 'COMPLAINT'];

function reasonOf(value: string, path: string): SuppressionListReason {
  if (!(reasons as readonly string[]).includes(value)) {
    throw badRequest(
      `1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [BOUNCE, COMPLAINT]`,
    );
  }
  return value as SuppressionListReason;
}

// restJson1 timestamps are epoch seconds.
const seconds = (ms: number) => ms / 1000;

function notOnList(address: string) {
  return notFound(`Email address ${address} does not exist on your suppression list.`);
}

/** PUT /v2/email/suppression/addresses */
export const putSuppressedDestination: Operation = ({ state, body }) => {
  const address = optionalString(body, 'EmailAddress', 'emailAddress');
  if (address === undefined) throw missingMember('emailAddress');
  const reasonText = optionalString(body, 'Reason', 'reason');
  if (reasonText === undefined) throw missingMember('reason');
  if (!parseMailbox(address)) throw badRequest(`Invalid email address ${address}.`);
  state.suppressionList.put({
    emailAddress: address,
    reason: reasonOf(reasonText, 'reason'),
    lastUpdateTime: state.now(),
  });
  return {};
};

/** GET /v2/email/suppression/addresses/{EmailAddress} */
export const getSuppressedDestination: Operation = ({ state, params }) => {
  const address = params.EmailAddress as string;
  const entry = state.suppressionList.get(address);
  if (!entry) throw notOnList(address);
  return {
    SuppressedDestination: {
      EmailAddress: entry.emailAddress,
      Reason: entry.reason,
      LastUpdateTime: seconds(entry.lastUpdateTime),
      ...(entry.messageId || entry.feedbackId
        ? {
            Attributes: {
              ...(entry.messageId ? { MessageId: entry.messageId } : {}),
              ...(entry.feedbackId ? { FeedbackId: entry.feedbackId } : {}),
            },
          }
        : {}),
    },
  };
};

/** DELETE /v2/email/suppression/addresses/{EmailAddress} */
export const deleteSuppressedDestination: Operation = ({ state, params }) => {
  const address = params.EmailAddress as string;
  if (!state.suppressionList.delete(address)) throw notOnList(address);
  return {};
};

function timeParam(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(ms)) throw badRequest(`${name} is not a valid timestamp.`);
  return ms;
}

/** GET /v2/email/suppression/addresses?Reason=&StartDate=&EndDate=&NextToken=&PageSize= */
export const listSuppressedDestinations: Operation = ({ state, body, query }) => {
  const wanted = query.getAll('Reason').map((r) => reasonOf(r, 'reasons'));
  const start = timeParam(query.get('StartDate'), 'StartDate');
  const end = timeParam(query.get('EndDate'), 'EndDate');
  const matching = state.suppressionList
    .list()
    .filter(
      (entry: SuppressedDestination) =>
        (wanted.length === 0 || wanted.includes(entry.reason)) &&
        (start === undefined || entry.lastUpdateTime >= start) &&
        (end === undefined || entry.lastUpdateTime <= end),
    )
    .sort((a, b) => b.lastUpdateTime - a.lastUpdateTime);
  const { page, nextToken } = paginate(matching, body, query);
  return {
    SuppressedDestinationSummaries: page.map((entry) => ({
      EmailAddress: entry.emailAddress,
      Reason: entry.reason,
      LastUpdateTime: seconds(entry.lastUpdateTime),
    })),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
};
