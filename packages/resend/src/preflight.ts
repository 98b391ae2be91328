import { parseMailbox } from '@org/connector-core';
import {
  type CheckItem,
  type CheckReport,
  checkReport,
  failedItem,
  type JsonHttpClient,
} from '@org/connector-core/provider';
import type { ResendConfig } from './config-schema.js';
import { mapResendError } from './error-mapping.js';
import { ResendApiError } from './resend-api-error.js';

interface ResendDomain {
  name: string;
  status: string;
  region?: string;
}

/**
 * The preflight: `GET /domains` proves the key and finds the sender's domain and its status.
 * Sends nothing. A sending-only key cannot list domains: that is a warning, not a failure.
 */
export async function checkResend(
  http: JsonHttpClient,
  config: ResendConfig,
  { provider, signal }: { provider: string; signal?: AbortSignal },
): Promise<CheckReport> {
  const domain = parseMailbox(config.emailAddress).address.split('@').pop()?.toLowerCase() ?? '';
  const checks: CheckItem[] = [];
  try {
    const response = await http.request({
      method: 'GET',
      path: '/domains',
      ...(signal ? { signal } : {}),
    });
    if (response.status !== 200) throw new ResendApiError(response);
    checks.push({
      name: 'API key',
      status: 'pass',
      detail: 'Resend accepted the API key (full access).',
    });
    const domains = ((response.json as { data?: ResendDomain[] } | undefined)?.data ?? []).filter(
      (entry) => typeof entry?.name === 'string',
    );
    const found = domains.find((entry) => entry.name.toLowerCase() === domain);
    if (!found) {
      checks.push({
        name: 'sender domain',
        status: 'fail',
        detail: `${domain} is not a domain of this Resend team (${domains.length} domain(s) listed).`,
        hint: `Add ${domain} at resend.com/domains and verify it, or send from a verified domain.`,
      });
    } else if (found.status !== 'verified') {
      checks.push({
        name: 'sender domain',
        status: 'fail',
        detail: `${domain} is "${found.status}" in Resend, not verified.`,
        hint: `Publish the DNS records resend.com/domains shows for ${domain} and wait for "verified".`,
      });
    } else {
      checks.push({
        name: 'sender domain',
        status: 'pass',
        detail: `${domain} is verified${found.region ? ` (region ${found.region})` : ''}.`,
      });
    }
  } catch (caught) {
    const error = mapResendError(caught, { provider, ...(signal ? { signal } : {}) });
    if (error.code === 'aborted') throw error;
    if (error.providerCode === 'restricted_api_key') {
      checks.push({
        name: 'API key',
        status: 'warn',
        detail: 'The key has sending access only: it can send, but cannot list domains.',
        hint: 'Use a full-access key to let check() verify the sender domain.',
      });
    } else {
      checks.push(failedItem('API key', error));
    }
  }
  return checkReport(checks);
}
