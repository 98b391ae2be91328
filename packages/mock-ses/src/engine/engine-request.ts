/**
 * The engine's own request: plain data, so the node server hands it over without building a
 * fetch `Request` (and its streams and signal) per call. `handle(Request)` and the msw
 * handlers convert to it; see fetch/from-fetch-request.ts.
 */
export interface EngineRequest {
  /** As sent, e.g. `POST`. */
  readonly method: string;
  /** The path as sent (still percent-encoded), without the query string. */
  readonly path: string;
  /** The query string without its `?`; `''` when there is none. */
  readonly query: string;
  /**
   * Header names lower-cased, a repeated header's values joined with `, ` (as fetch's
   * `Headers#get` does). SigV4 verification re-signs over these, so they are the values sent.
   */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** `host[:port]` of the URL the request went to, for when it carries no `host` header. */
  readonly authority: string;
  /**
   * The body as received, byte for byte: the signature covers its hash. A promise when the
   * face reads it lazily (fetch): a body that fails to arrive is then the engine's logged 500.
   */
  readonly body: Uint8Array | Promise<Uint8Array>;
  /**
   * Fires when the caller gives up. Read only while injected latency is waited out, so a
   * face may create it lazily (a getter).
   */
  readonly signal?: AbortSignal | undefined;
}

/** `'network_error'`: the face drops the connection instead of answering. */
export type EngineResponse = EngineHttpResponse | 'network_error';

export interface EngineHttpResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type Engine = (request: EngineRequest) => Promise<EngineResponse>;
