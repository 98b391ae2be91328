import { FeedbackError } from './feedback-error.js';

/** A regional SNS endpoint: `sns.us-east-1.amazonaws.com`, `sns.cn-north-1.amazonaws.com.cn`. */
const snsHostPattern = /^sns\.[a-z]{2}(?:-[a-z]+)+-\d+\.amazonaws\.com(?:\.cn)?$/;

/** Decides whether a URL in an SNS message may be fetched. */
export type SnsUrlPolicy = (url: URL) => boolean;

/** The default policy: https on an `sns.<region>.amazonaws.com` host, default port, no userinfo. */
export const isAwsSnsUrl: SnsUrlPolicy = (url) =>
  url.protocol === 'https:' &&
  url.port === '' &&
  url.username === '' &&
  url.password === '' &&
  snsHostPattern.test(url.hostname);

/**
 * Parses `value` and checks it against the policy; `what` names the field in the error. A
 * SigningCertURL must also name a `.pem` file.
 */
export function trustedSnsUrl(
  value: string,
  what: 'SigningCertURL' | 'SubscribeURL',
  policy: SnsUrlPolicy,
): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FeedbackError('untrusted_url', `The ${what} is not a URL.`);
  }
  let trusted = false;
  try {
    trusted = policy(url) === true;
  } catch {
    trusted = false;
  }
  if (!trusted || (what === 'SigningCertURL' && !url.pathname.endsWith('.pem'))) {
    throw new FeedbackError(
      'untrusted_url',
      `The ${what} host ${JSON.stringify(url.host.slice(0, 100))} is not trusted: SNS serves it over https from sns.<region>.amazonaws.com.`,
    );
  }
  return url;
}
