import type { RequestHandler } from 'msw';
import { loadMsw } from '../msw-handlers.js';
import { handleSnsHttp } from './sns-http.js';
import type { MockSns } from './types.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * msw handlers for the mock's SNS public URL (by default `https://sns.<region>.amazonaws.com`):
 * the signing certificate and the Subscribe/Unsubscribe links resolve in-process, so a feedback
 * handler verifies against them with its default, production URL checks.
 */
export function createSnsMswHandlers(sns: MockSns): RequestHandler[] {
  const { http } = loadMsw();
  const base = sns.publicUrl.replace(/\/+$/, '');
  const pattern = new RegExp(`^${escapeRegExp(base)}(?:[/?#]|$)`);
  return [
    http.all(
      pattern,
      async ({ request }) =>
        (await handleSnsHttp(sns, request)) ?? new Response(null, { status: 404 }),
    ),
  ];
}
