import type { FaultRequestInfo, RequestLogEntry } from '../types.js';
import { delay } from './delay.js';
import { describeFault } from './fault-controller.js';
import { faultOutcome } from './fault-response.js';
import { isObject, type JsonObject } from './json-fields.js';
import { operations } from './operations/index.js';
import { parseSdkRequestHeader } from './request-log.js';
import { errorResponse, jsonResponse } from './responses.js';
import { matchRoute } from './router.js';
import { badRequest, SesError } from './ses-error.js';
import { verifySignature } from './signature.js';
import type { EngineState } from './state.js';

/** nginx's "client closed request": logged when the caller aborted during injected latency. */
const CLIENT_CLOSED = 499;

class ClientAborted extends Error {}

function accessKeyOf(authorization: string | null): string | undefined {
  return authorization ? /Credential=([^/,\s]+)\//.exec(authorization)?.[1] : undefined;
}

function parseBody(bytes: Uint8Array): JsonObject {
  const text = new TextDecoder().decode(bytes).trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badRequest(`Could not parse the request body as JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw badRequest('The request body must be a JSON object.');
  return parsed;
}

async function wait(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, signal);
  } catch {
    throw new ClientAborted();
  }
}

/**
 * The engine: one SES request in, one Response out, never a throw. Order: route, signature,
 * global latency, injected fault, then the operation's own validation and work.
 */
export function createRequestHandler(state: EngineState): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = state.ids.requestId();
    const sdkRequest = parseSdkRequestHeader(request.headers.get('amz-sdk-request'));
    const invocationId = request.headers.get('amz-sdk-invocation-id');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      url = new URL('http://invalid/');
    }
    const route = matchRoute(request.method, url.pathname);
    const entry: RequestLogEntry = {
      requestId,
      time: new Date(state.now()).toISOString(),
      method: request.method,
      path: url.pathname + url.search,
      operation: route?.operation ?? 'Unknown',
      ...(invocationId ? { invocationId } : {}),
      ...(sdkRequest.attempt !== undefined ? { attempt: sdkRequest.attempt } : {}),
      ...(sdkRequest.max !== undefined ? { maxAttempts: sdkRequest.max } : {}),
      status: 0,
    };
    const accessKeyId = accessKeyOf(request.headers.get('authorization'));
    if (accessKeyId) entry.accessKeyId = accessKeyId;

    let response: Response;
    try {
      response = await process(request, url);
    } catch (error) {
      if (error instanceof ClientAborted) {
        entry.status = CLIENT_CLOSED;
        entry.errorType = 'ClientAborted';
        state.requests.add(entry);
        return Response.error();
      }
      const sesError =
        error instanceof SesError
          ? error
          : new SesError(
              500,
              'InternalServiceErrorException',
              'The request could not be processed because of an internal error.',
            );
      response = errorResponse(sesError, requestId);
      if (sesError.type) entry.errorType = sesError.type;
    }
    entry.status = response.type === 'error' ? 0 : response.status;
    state.requests.add(entry);
    return response;

    async function process(req: Request, target: URL): Promise<Response> {
      const bytes = new Uint8Array(await req.arrayBuffer());
      if (state.credentials) {
        await verifySignature(
          { method: req.method, url: target, headers: req.headers, body: bytes },
          state.credentials,
          state.region,
        );
      }
      if (!route) {
        throw new SesError(
          404,
          'UnknownOperationException',
          `No SES v2 operation matches ${req.method} ${target.pathname}.`,
        );
      }
      const body = parseBody(bytes);
      entry.body = body;

      if (state.faults.latencyMs > 0) await wait(state.faults.latencyMs, req.signal);
      const info: FaultRequestInfo = {
        operation: route.operation,
        method: req.method,
        path: target.pathname,
        body,
        ...(sdkRequest.attempt !== undefined ? { attempt: sdkRequest.attempt } : {}),
      };
      const fault = state.faults.take(info);
      if (fault) {
        entry.fault = describeFault(fault);
        if (fault.latencyMs) await wait(fault.latencyMs, req.signal);
        const outcome = faultOutcome(fault, info, state.region);
        if (outcome === 'network_error') {
          entry.errorType = 'NetworkError';
          return Response.error();
        }
        if (outcome) throw outcome;
      }

      const result = await operations[route.operation]({
        state,
        params: route.params,
        body,
        query: target.searchParams,
        requestId,
      });
      return jsonResponse(200, result, requestId);
    }
  };
}
