import { randomUUID } from 'node:crypto';
import { assertSubscribable } from './create-mock-sns.js';
import type { MockSns } from './types.js';

const xmlns = 'http://sns.amazonaws.com/doc/2010-03-31/';

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function xml(status: number, body: string): Response {
  return new Response(`<?xml version="1.0"?>\n${body}`, {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() },
  });
}

function result(action: string, inner: string): Response {
  return xml(
    200,
    `<${action}Response xmlns="${xmlns}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

function error(status: number, code: string, message: string): Response {
  return xml(
    status,
    `<ErrorResponse xmlns="${xmlns}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

/** Whether `url` is under the mock's SNS public URL. */
export function ownsSnsUrl(publicUrl: string, url: URL): boolean {
  const base = new URL(publicUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  return (
    url.origin === base.origin &&
    (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`) || basePath === '')
  );
}

/**
 * The SNS side over HTTP, under the mock's SNS public URL: the signing certificate, the
 * SubscribeURL (`Action=ConfirmSubscription`), the UnsubscribeURL (`Action=Unsubscribe`) and
 * `Action=Subscribe` as the SNS query API takes it. `undefined` for URLs it does not own.
 */
export async function handleSnsHttp(sns: MockSns, request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  if (!ownsSnsUrl(sns.publicUrl, url)) return undefined;
  const method = request.method.toUpperCase();
  const { url: certUrl, pem } = await sns.certificate();
  if (url.pathname === new URL(certUrl).pathname) {
    if (method !== 'GET' && method !== 'HEAD') return error(405, 'InvalidAction', 'Use GET.');
    return new Response(method === 'HEAD' ? null : pem, {
      status: 200,
      headers: { 'content-type': 'application/x-x509-ca-cert' },
    });
  }
  const params = new URLSearchParams(url.search);
  if (
    method === 'POST' &&
    (request.headers.get('content-type') ?? '').includes('form-urlencoded')
  ) {
    for (const [name, value] of new URLSearchParams(await request.text())) params.set(name, value);
  }
  const action = params.get('Action');
  switch (action) {
    case 'ConfirmSubscription': {
      const confirmed = sns.confirm(params.get('Token') ?? '');
      if (!confirmed || confirmed.topicArn !== params.get('TopicArn')) {
        return error(400, 'InvalidParameter', 'Invalid parameter: Token');
      }
      return result(
        'ConfirmSubscription',
        `<SubscriptionArn>${escapeXml(confirmed.subscriptionArn)}</SubscriptionArn>`,
      );
    }
    case 'Unsubscribe': {
      const arn = params.get('SubscriptionArn') ?? '';
      if (!(await sns.unsubscribe(arn)))
        return error(404, 'NotFound', 'Subscription does not exist');
      return result('Unsubscribe', '');
    }
    case 'Subscribe': {
      const topicArn = params.get('TopicArn') ?? '';
      const protocol = params.get('Protocol') ?? '';
      const endpoint = params.get('Endpoint') ?? '';
      if (protocol !== 'http' && protocol !== 'https') {
        return error(
          400,
          'InvalidParameter',
          'Invalid parameter: Protocol (the mock delivers over http and https only)',
        );
      }
      if (!endpoint.startsWith(`${protocol}:`)) {
        return error(
          400,
          'InvalidParameter',
          'Invalid parameter: Endpoint must match the Protocol',
        );
      }
      try {
        assertSubscribable(topicArn, endpoint);
      } catch (caught) {
        return error(400, 'InvalidParameter', (caught as Error).message);
      }
      // SNS answers at once and sends the confirmation afterwards.
      sns.subscribe(topicArn, endpoint).catch(() => undefined);
      return result('Subscribe', '<SubscriptionArn>pending confirmation</SubscriptionArn>');
    }
    default:
      return error(
        400,
        'InvalidAction',
        `The mock's SNS does not serve Action=${action ?? '(none)'}.`,
      );
  }
}
