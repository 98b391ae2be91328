import { apiError } from './responses.js';

export interface ControlGuardOptions {
  /**
   * `true` when the server listens on a loopback address only: then a request must name a
   * loopback host, which stops DNS rebinding (a page at `evil.example` whose name later
   * resolves to 127.0.0.1 still sends `Host: evil.example`). A server bound to another address
   * was opened to the network on purpose and takes any `Host`.
   */
  loopbackOnly: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Loopback names: `localhost` and its subdomains (RFC 6761), 127.0.0.0/8 and `[::1]`. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    name === '[::1]' ||
    name === '::1'
  );
}

function isJson(contentType: string | null): boolean {
  const media = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return media === 'application/json' || (media?.endsWith('+json') ?? false);
}

/**
 * What the mock API (and the page) trusts, checked before any route runs. A browser page on
 * another site can send requests here (a `no-cors` POST needs no permission), so:
 * - the `Host` must be a loopback name when the server is loopback-only (DNS rebinding);
 * - a state-changing request (anything but GET/HEAD) must come from the server's own origin:
 *   an `Origin` header, when sent, must equal `http://<Host>`, and `Sec-Fetch-Site`, when sent,
 *   must be `same-origin` or `none` (a page on another port of localhost is `same-site`);
 * - a POST must be `application/json`, which a cross-site page cannot send without a CORS
 *   preflight, and the mock answers no preflight.
 * Tools that send none of these headers (curl, the SDK, node's fetch) pass.
 * Returns the refusal, or `undefined` to go on.
 */
export function refuseUntrusted(
  request: Request,
  url: URL,
  options: ControlGuardOptions,
): Response | undefined {
  if (options.loopbackOnly && !isLoopbackHostname(url.hostname)) {
    return apiError(
      403,
      `Host ${JSON.stringify(url.host)} is not a loopback name; the mock API answers requests addressed to localhost, 127.0.0.1 or [::1] only (DNS rebinding protection). Bind the server to another address to accept other hosts.`,
    );
  }
  const method = request.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return undefined;
  const origin = request.headers.get('origin');
  if (origin !== null && origin.toLowerCase() !== `${url.protocol}//${url.host}`.toLowerCase()) {
    return apiError(
      403,
      `Cross-origin ${method} refused: Origin ${JSON.stringify(origin)} is not this mock's own origin (${url.protocol}//${url.host}). Call the mock API from a test, a script or curl, not from another web page.`,
    );
  }
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return apiError(
      403,
      `Cross-site ${method} refused (Sec-Fetch-Site: ${JSON.stringify(site)}). Call the mock API from a test, a script or curl, not from another web page.`,
    );
  }
  if (method === 'POST' && !isJson(request.headers.get('content-type'))) {
    return apiError(
      415,
      `POST ${url.pathname} needs content-type application/json (got ${JSON.stringify(request.headers.get('content-type') ?? 'none')}); with curl add -H 'content-type: application/json'.`,
    );
  }
  return undefined;
}
