import {
  GetAccountCommand,
  type GetAccountCommandOutput,
  GetConfigurationSetCommand,
  GetEmailIdentityCommand,
  type GetEmailIdentityCommandOutput,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import {
  type CheckItem,
  type CheckReport,
  ConnectorError,
  checkReport,
  failedItem,
  parseMailbox,
} from '@org/connector-core/provider';
import type { AwsSesConfig } from './config-schema.js';
import { mapSesError, sesPermission } from './error-mapping.js';
import { pacingCheckItem } from './pacing-check.js';

export interface PreflightContext {
  signal: AbortSignal;
  provider: string;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ConnectorError };

// Warn about the quota before it runs out: a verification email that cannot be sent locks a user out.
const quotaWarningRatio = 0.9;

function isAccessDenied(error: ConnectorError): boolean {
  return (
    error.code === 'authorization_failed' &&
    (error.providerCode?.startsWith('AccessDenied') === true ||
      error.providerCode === 'NotAuthorized')
  );
}

function deniedItem(name: string, operation: string, what: string): CheckItem {
  const permission = sesPermission(operation);
  return {
    name,
    status: 'warn',
    detail: `Could not ${what}: the credentials lack the IAM permission ${permission}.`,
    hint: `Add ${permission} to the IAM policy so the preflight can ${what}; sending itself needs only ses:SendEmail.`,
  };
}

function accountItems(account: GetAccountCommandOutput, region: string): CheckItem[] {
  const items: CheckItem[] = [];
  const enforcement = account.EnforcementStatus ?? 'UNKNOWN';
  if (account.SendingEnabled === false) {
    items.push({
      name: 'account',
      status: 'fail',
      detail: `Sending is disabled for this account in ${region} (enforcement status ${enforcement}).`,
      hint: 'Sending was paused for the account, by you or by AWS after a reputation review. See SES console → Account dashboard; re-enable it with `aws sesv2 put-account-sending-attributes --sending-enabled` once the cause is fixed.',
    });
  } else if (enforcement === 'SHUTDOWN') {
    items.push({
      name: 'account',
      status: 'fail',
      detail: `The account is shut down for sending in ${region} (enforcement status SHUTDOWN).`,
      hint: 'AWS stopped this account from sending, usually for bounce or complaint rates. See SES console → Reputation metrics and contact AWS Support.',
    });
  } else if (enforcement === 'PROBATION') {
    items.push({
      name: 'account',
      status: 'warn',
      detail: `Sending is enabled in ${region}, but the account is on probation.`,
      hint: 'Lower the bounce and complaint rates (SES console → Reputation metrics) or AWS may pause sending.',
    });
  } else {
    items.push({
      name: 'account',
      status: 'pass',
      detail: `Sending is enabled in ${region} (enforcement status ${enforcement}).`,
    });
  }

  if (account.ProductionAccessEnabled === false) {
    items.push({
      name: 'sandbox',
      status: 'warn',
      detail: `The account is in the SES sandbox in ${region}: it can send only to verified addresses, with a small daily quota.`,
      hint: 'Request production access: SES console → Account dashboard → Request production access. Until then, verify every recipient.',
    });
  } else {
    items.push({ name: 'sandbox', status: 'pass', detail: 'Production access is enabled.' });
  }

  const quota = account.SendQuota;
  if (quota) {
    const max = quota.Max24HourSend ?? 0;
    const sent = quota.SentLast24Hours ?? 0;
    const rate = quota.MaxSendRate;
    const rateText = rate === undefined ? '' : `; max send rate ${rate} per second`;
    if (max < 0) {
      items.push({
        name: 'quota',
        status: 'pass',
        detail: `${sent} emails sent in the last 24 hours, no daily limit${rateText}.`,
      });
    } else {
      const left = Math.max(0, max - sent);
      const detail = `${sent} of ${max} emails sent in the last 24 hours (${left} left)${rateText}.`;
      const hint =
        'Request a higher sending quota: SES console → Account dashboard → Request a quota increase.';
      if (left <= 0) items.push({ name: 'quota', status: 'fail', detail, hint });
      else if (sent >= max * quotaWarningRatio) {
        items.push({ name: 'quota', status: 'warn', detail, hint });
      } else items.push({ name: 'quota', status: 'pass', detail });
    }
  }
  return items;
}

type IdentityLookup = Outcome<GetEmailIdentityCommandOutput> & { identity: string };

function identityItem(address: string, lookups: IdentityLookup[], config: AwsSesConfig): CheckItem {
  const name = 'sender identity';
  const region = config.region;
  const verified = lookups.find((l) => l.ok && l.value.VerifiedForSendingStatus === true);
  if (verified) {
    return {
      name,
      status: 'pass',
      detail:
        verified.identity === address
          ? `${address} is verified for sending in ${region}.`
          : `The domain ${verified.identity} is verified for sending in ${region} (covers ${address}).`,
    };
  }
  const failures = lookups.flatMap((l) => (l.ok ? [] : [l.error]));
  const hard = failures.find((e) => e.code !== 'invalid_config' && !isAccessDenied(e));
  if (hard) return failedItem(name, hard);
  const pending = lookups.find((l) => l.ok);
  if (pending?.ok) {
    const status = pending.value.VerificationStatus ?? 'NOT_STARTED';
    return {
      name,
      status: 'fail',
      detail: `${pending.identity} exists in ${region} but is not verified for sending (verification status ${status}).`,
      hint:
        pending.value.IdentityType === 'DOMAIN'
          ? `Publish the DKIM CNAME records of ${pending.identity} shown in SES console → Identities, then wait for verification.`
          : `Click the link in the verification email AWS sent to ${pending.identity}, or verify its domain instead.`,
    };
  }
  if (failures.some(isAccessDenied)) {
    return deniedItem(name, 'GetEmailIdentity', `verify that ${address} may send`);
  }
  if (config.emailAddressIdentityArn !== undefined) {
    return {
      name,
      status: 'warn',
      detail: `${address} is not an identity of this account in ${region}; it sends through ${config.emailAddressIdentityArn}.`,
      hint: 'An identity owned by another account cannot be checked from here: make sure its owner verified it and its sending authorization policy allows this account.',
    };
  }
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return {
    name,
    status: 'fail',
    detail: `Neither ${address} nor ${domain} is an SES identity in ${region}.`,
    hint: `Create and verify an identity for ${domain} (or for the address) in region ${region}: SES console → Configuration → Identities → Create identity. Identities are per region.`,
  };
}

/**
 * The preflight: reads the account status, the sender identity and the configuration set, and
 * sends nothing. A call the credentials may not make becomes a warning naming the permission.
 */
export async function runPreflight(
  client: SESv2Client,
  config: AwsSesConfig,
  context: PreflightContext,
): Promise<CheckReport> {
  const { signal } = context;
  const call = async <T>(operation: string, run: () => Promise<T>): Promise<Outcome<T>> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return {
        ok: false,
        error: mapSesError(error, {
          operation,
          region: config.region,
          signal,
          provider: context.provider,
          requestTimeoutMs: config.requestTimeoutMs,
          ...(config.configurationSetName === undefined
            ? {}
            : { configurationSetName: config.configurationSetName }),
        }),
      };
    }
  };

  const address = parseMailbox(config.emailAddress).address;
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const lookupIdentity = async (identity: string): Promise<IdentityLookup> => ({
    identity,
    ...(await call('GetEmailIdentity', () =>
      client.send(new GetEmailIdentityCommand({ EmailIdentity: identity }), {
        abortSignal: signal,
      }),
    )),
  });
  const configurationSetName = config.configurationSetName;

  const [account, addressLookup, domainLookup, configurationSet] = await Promise.all([
    call('GetAccount', () => client.send(new GetAccountCommand({}), { abortSignal: signal })),
    lookupIdentity(address),
    lookupIdentity(domain),
    configurationSetName === undefined
      ? undefined
      : call('GetConfigurationSet', () =>
          client.send(
            new GetConfigurationSetCommand({ ConfigurationSetName: configurationSetName }),
            {
              abortSignal: signal,
            },
          ),
        ),
  ]);
  if (signal.aborted) {
    throw new ConnectorError('aborted', 'The preflight check was aborted.', {
      provider: context.provider,
      cause: signal.reason,
    });
  }

  const checks: CheckItem[] = [];
  if (account.ok) checks.push(...accountItems(account.value, config.region));
  else if (isAccessDenied(account.error)) {
    checks.push(deniedItem('account', 'GetAccount', 'read the account status and quotas'));
  } else checks.push(failedItem('account', account.error));

  const pacing = pacingCheckItem(
    config,
    account.ok
      ? { ok: true, maxSendRate: account.value.SendQuota?.MaxSendRate }
      : { ok: false, error: account.error, denied: isAccessDenied(account.error) },
  );
  if (pacing) checks.push(pacing);

  checks.push(identityItem(address, [addressLookup, domainLookup], config));

  if (configurationSet !== undefined) {
    const name = 'configuration set';
    if (configurationSet.ok) {
      const paused = configurationSet.value.SendingOptions?.SendingEnabled === false;
      checks.push(
        paused
          ? {
              name,
              status: 'fail',
              detail: `Sending is paused for the configuration set ${configurationSetName}.`,
              hint: `Re-enable it: aws sesv2 put-configuration-set-sending-options --configuration-set-name ${configurationSetName} --sending-enabled`,
            }
          : {
              name,
              status: 'pass',
              detail: `The configuration set ${configurationSetName} exists in ${config.region}.`,
            },
      );
    } else if (isAccessDenied(configurationSet.error)) {
      checks.push(
        deniedItem(
          name,
          'GetConfigurationSet',
          `read the configuration set ${configurationSetName}`,
        ),
      );
    } else if (configurationSet.error.code === 'invalid_config') {
      checks.push({
        name,
        status: 'fail',
        detail: `The configuration set ${configurationSetName} does not exist in ${config.region}.`,
        hint: `Create it in SES console → Configuration sets (region ${config.region}), or fix configurationSetName.`,
      });
    } else checks.push(failedItem(name, configurationSet.error));
  }

  return checkReport(checks);
}
