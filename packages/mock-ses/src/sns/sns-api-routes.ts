import { apiError, jsonResponse, methodNotAllowed } from '../http-api/responses.js';
import type { MockSes } from '../types.js';
import { handleSnsHttp } from './sns-http.js';

/** Paths the SNS face answers on the node server: `/_sns/...` (SNS itself) and `/_mock/sns/...`. */
export function isSnsApiPath(path: string): boolean {
  return (
    path === '/_sns' ||
    path.startsWith('/_sns/') ||
    path.startsWith('/_mock/sns/') ||
    /^\/_mock\/outbox\/[^/]+\/events$/.test(path)
  );
}

const eventsPath = /^\/_mock\/outbox\/([^/]+)\/events$/;

/**
 * The mock's SNS over HTTP: SNS's own URLs under the public URL, and control routes:
 * `GET|POST /_mock/sns/subscriptions` (`{ topicArn, endpoint, signatureVersion? }`),
 * `GET /_mock/sns/deliveries`, `GET /_mock/outbox/{id}/events`.
 */
export async function routeSnsApi(mock: MockSes, request: Request): Promise<Response | undefined> {
  const sns = await handleSnsHttp(mock.sns, request);
  if (sns) return sns;
  const url = new URL(request.url);
  const path = url.pathname;
  const method = request.method.toUpperCase();
  if (path === '/_mock/sns/subscriptions') {
    if (method === 'GET') return jsonResponse({ subscriptions: mock.sns.subscriptions() });
    if (method !== 'POST') return methodNotAllowed(method, path, ['GET', 'POST']);
    let body: { topicArn?: unknown; endpoint?: unknown; signatureVersion?: unknown };
    try {
      body = JSON.parse(await request.text()) as typeof body;
    } catch {
      return apiError(
        400,
        'The body is not valid JSON: send { "topicArn": "...", "endpoint": "https://..." }.',
      );
    }
    const { topicArn, endpoint, signatureVersion } = body ?? {};
    if (typeof topicArn !== 'string' || typeof endpoint !== 'string') {
      return apiError(400, 'topicArn and endpoint must be strings.');
    }
    if (signatureVersion !== undefined && signatureVersion !== '1' && signatureVersion !== '2') {
      return apiError(400, 'signatureVersion must be "1" or "2".');
    }
    try {
      const subscription = await mock.sns.subscribe(
        topicArn,
        endpoint,
        signatureVersion === undefined ? {} : { signatureVersion },
      );
      return jsonResponse({ subscription }, 201);
    } catch (error) {
      return apiError(400, (error as Error).message);
    }
  }
  if (path === '/_mock/sns/deliveries') {
    if (method !== 'GET') return methodNotAllowed(method, path, ['GET']);
    return jsonResponse({ deliveries: mock.sns.deliveries() });
  }
  const events = eventsPath.exec(path);
  if (events?.[1]) {
    if (method !== 'GET') return methodNotAllowed(method, path, ['GET']);
    let id: string;
    try {
      id = decodeURIComponent(events[1]);
    } catch {
      return apiError(400, 'The message id is not valid percent-encoding.');
    }
    return jsonResponse({
      messageId: id,
      events: mock.feedback.eventsFor(id).map(({ record: _record, ...event }) => event),
    });
  }
  return undefined;
}
