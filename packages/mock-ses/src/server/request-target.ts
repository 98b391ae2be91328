export interface RequestTarget {
  /** Percent-encoded, normalized as the WHATWG URL parser does (dot segments resolved). */
  path: string;
  /** Without its `?`. */
  query: string;
}

/**
 * Targets that `new URL()` returns unchanged: an origin-form path of characters it never
 * re-encodes, no `//` at the start (it would read a host), and no dot segment to resolve.
 * What the SDKs send is of this form; anything else takes the parser.
 */
const PLAIN = /^\/(?!\/)[\w\-.~!$&()*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/?]*)?$/;
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/**
 * Path and query of a request line's target (`/v2/email/outbound-emails?x=1`, or an absolute
 * URL), as `new URL()` gives them. Throws on a target no URL can be made of.
 */
export function parseRequestTarget(target: string): RequestTarget {
  if (PLAIN.test(target) && !DOT_SEGMENT.test(target)) {
    const q = target.indexOf('?');
    return q < 0
      ? { path: target, query: '' }
      : { path: target.slice(0, q), query: target.slice(q + 1) };
  }
  const url = new URL(target, 'http://localhost');
  return { path: url.pathname, query: url.search.slice(1) };
}
