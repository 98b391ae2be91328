interface RawClientRequest extends NodeJS.EventEmitter {
  destroy(): void;
  agent?: { customAgent?: { destroy(): void } };
}

/** The `http.ClientRequest` msw's interceptor keeps on the fetch Request it hands a handler. */
function rawClientRequest(request: Request): RawClientRequest | undefined {
  const key = Object.getOwnPropertySymbols(request).find((s) => s.description === 'kRawRequest');
  const raw = key === undefined ? undefined : (request as unknown as Record<symbol, unknown>)[key];
  return raw && typeof (raw as RawClientRequest).once === 'function'
    ? (raw as RawClientRequest)
    : undefined;
}

// msw swaps the client's http.Agent for its own, so the client's `agent.destroy()` (what a
// connector's close() does) no longer reaches the requests in flight; this restores that link.
const inFlightByAgent = new WeakMap<object, Set<RawClientRequest>>();

function trackAgent(raw: RawClientRequest): () => void {
  const agent = raw.agent?.customAgent;
  if (!agent) return () => {};
  let requests = inFlightByAgent.get(agent);
  if (!requests) {
    const tracked = new Set<RawClientRequest>();
    requests = tracked;
    inFlightByAgent.set(agent, tracked);
    const destroy = agent.destroy.bind(agent);
    agent.destroy = () => {
      for (const request of tracked) request.destroy();
      destroy();
    };
  }
  requests.add(raw);
  const set = requests;
  return () => set.delete(raw);
}

/**
 * Answers an msw-intercepted request with `handle`, passing on what a real server sees and msw
 * does not: when the client destroys its `node:http` request (an abort, a timeout, close()),
 * the request's signal fires, so the engine counts the hang-up and delivers nothing.
 */
export async function handleWithHangUps(
  request: Request,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  const raw = rawClientRequest(request);
  if (!raw) return handle(request);
  const hungUp = new AbortController();
  const onClose = (): void => hungUp.abort();
  raw.once('close', onClose);
  const untrack = trackAgent(raw);
  try {
    return await handle(
      new Request(request, { signal: AbortSignal.any([request.signal, hungUp.signal]) }),
    );
  } finally {
    raw.off('close', onClose);
    untrack();
  }
}
