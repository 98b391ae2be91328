import { isDomainIdentity, parseMailbox } from '../address.js';
import type { StoredIdentity } from '../identity-store.js';
import { optionalString, tagList } from '../json-fields.js';
import { badRequest, missingMember, notFound, SesError } from '../ses-error.js';
import type { EngineState } from '../state.js';
import type { Operation } from './operation.js';
import { paginate } from './paginate.js';

const identityType = (name: string) => (isDomainIdentity(name) ? 'DOMAIN' : 'EMAIL_ADDRESS');

function dkim(name: string) {
  if (!isDomainIdentity(name)) return { SigningEnabled: false, Status: 'NOT_STARTED', Tokens: [] };
  return {
    SigningEnabled: true,
    Status: 'SUCCESS',
    Tokens: ['mockdkimtoken1', 'mockdkimtoken2', 'mockdkimtoken3'],
    SigningAttributesOrigin: 'AWS_SES',
    CurrentSigningKeyLength: 'RSA_2048_BIT',
    NextSigningKeyLength: 'RSA_2048_BIT',
  };
}

/** Without an identity list every identity counts as verified, so lookups answer as verified. */
function lookup(state: EngineState, name: string): StoredIdentity | undefined {
  const stored = state.identities.get(name);
  if (stored) return stored;
  if (!state.identities.enforced) return { name, createdAt: state.now(), tags: [] };
  return undefined;
}

/** POST /v2/email/identities: the mock verifies new identities at once (no DNS or inbox to wait for). */
export const createEmailIdentity: Operation = ({ state, body }) => {
  const name = optionalString(body, 'EmailIdentity', 'emailIdentity');
  if (name === undefined) throw missingMember('emailIdentity');
  if (!isDomainIdentity(name) && !parseMailbox(name))
    throw badRequest(`Invalid email address ${name}.`);
  if (state.identities.get(name)) {
    throw SesError.of('AlreadyExistsException', `Email identity ${name} already exists.`);
  }
  const configurationSetName = optionalString(body, 'ConfigurationSetName', 'configurationSetName');
  state.identities.add(name, {
    tags: tagList(body),
    ...(configurationSetName !== undefined ? { configurationSetName } : {}),
  });
  return {
    IdentityType: identityType(name),
    VerifiedForSendingStatus: true,
    DkimAttributes: dkim(name),
  };
};

/** GET /v2/email/identities/{EmailIdentity} */
export const getEmailIdentity: Operation = ({ state, params }) => {
  const name = params.EmailIdentity as string;
  const identity = lookup(state, name);
  if (!identity) throw notFound(`Email identity ${name} does not exist.`);
  return {
    IdentityType: identityType(name),
    FeedbackForwardingStatus: true,
    VerifiedForSendingStatus: true,
    VerificationStatus: 'SUCCESS',
    DkimAttributes: dkim(name),
    MailFromAttributes: {
      MailFromDomain: '',
      MailFromDomainStatus: 'SUCCESS',
      BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    },
    Policies: {},
    Tags: identity.tags,
    ...(identity.configurationSetName !== undefined
      ? { ConfigurationSetName: identity.configurationSetName }
      : {}),
  };
};

/** DELETE /v2/email/identities/{EmailIdentity} */
export const deleteEmailIdentity: Operation = ({ state, params }) => {
  const name = params.EmailIdentity as string;
  if (!state.identities.get(name)) throw notFound(`Email identity ${name} does not exist.`);
  state.identities.remove(name);
  return {};
};

/** POST /v2/email/list-identities (current SDKs) or GET /v2/email/identities (older ones). */
export const listEmailIdentities: Operation = ({ state, body, query }) => {
  const { page, nextToken } = paginate(state.identities.list(), body, query);
  return {
    EmailIdentities: page.map((name) => ({
      IdentityType: identityType(name),
      IdentityName: name,
      SendingEnabled: true,
      VerificationStatus: 'SUCCESS',
    })),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
};
