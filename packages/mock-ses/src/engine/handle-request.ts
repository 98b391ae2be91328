import type { FaultRequestInfo, RequestLogEntry } from '../types.js';
import { delay } from './delay.js';
import type { Engine, EngineRequest, EngineResponse } from './engine-request.js';
import { describeFault } from './fault-controller.js';
import { faultOutcome } from './fault-response.js';
import { isObject, type JsonObject } from './json-fields.js';
import { operations } from './operations/index.js';
import { parseSdkRequestHeader } from './request-log.js';
import { errorResponse, internalErrorResponse, jsonResponse } from './responses.js';
import { matchRoute } from './router.js';
import { badRequest, SesError } from './ses-error.js';
import { verifySignature } from './signature.js';
import type { EngineState } from './state.js';

/** nginx's "client closed request": logged when the caller aborted during injected latency. */
const CLIENT_CLOSED = 499;

class ClientAborted extends Error {}

const noQuery: Pick<URLSearchParams, 'get' | 'getAll' | 'has'> = new URLSearchParams();

function accessKeyOf(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=([^/,\s]+)\//.exec(authorization)?.[1] : undefined;
}

const SCOPE_REGION = /Credential=[^/,\s]+\/\d{8}\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})\//;

/**
 * The region the request was signed for (`Credential=<key>/<date>/<region>/ses/aws4_request`):
 * SES is regional, so a client signing for eu-west-1 talks to eu-west-1 whatever the mock was
 * started with. Absent or malformed: undefined (the mock's own region applies).
 */
function scopeRegionOf(authorization: string | undefined): string | undefined {
  return authorization ? SCOPE_REGION.exec(authorization)?.[1] : undefined;
}

/** The state as one request sees it: the same stores, the region it was signed for. */
function forRegion(state: EngineState, region: string | undefined): EngineState {
  if (region === undefined || region === state.region) return state;
  return Object.create(state, { region: { value: region, enumerable: true } }) as EngineState;
}

function utf8(bytes: Uint8Array): string {
  // A view, not a copy; Buffer#toString needs no decoder object per request.
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString('utf8');
}

function parseBody(bytes: Uint8Array): JsonObject {
  if (bytes.length === 0) return {};
  // trim() also drops a byte order mark (U+FEFF), which TextDecoder used to strip.
  const text = utf8(bytes).trim();
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

async function wait(ms: number, request: EngineRequest): Promise<void> {
  try {
    await delay(ms, request.signal);
  } catch {
    throw new ClientAborted();
  }
}

/**
 * The engine: one SES request in, one answer out, never a throw. Order: route, signature,
 * global latency, injected fault, then the operation's own validation and work.
 */
export function createEngine(state: EngineState): Engine {
  return async (request) => {
    const requestId = state.ids.requestId();
    const { headers, path, query } = request;
    const sdkRequest = parseSdkRequestHeader(headers['amz-sdk-request']);
    const invocationId = headers['amz-sdk-invocation-id'];
    const route = matchRoute(request.method, path);
    const entry: RequestLogEntry = {
      requestId,
      time: new Date(state.now()).toISOString(),
      method: request.method,
      path: query === '' ? path : `${path}?${query}`,
      operation: route?.operation ?? 'Unknown',
      status: 0,
    };
    // Assigned, not spread in: one object per request instead of four.
    if (invocationId) entry.invocationId = invocationId;
    if (sdkRequest.attempt !== undefined) entry.attempt = sdkRequest.attempt;
    if (sdkRequest.max !== undefined) entry.maxAttempts = sdkRequest.max;
    const accessKeyId = accessKeyOf(headers.authorization);
    if (accessKeyId) entry.accessKeyId = accessKeyId;

    let response: EngineResponse;
    try {
      response = await process();
    } catch (error) {
      if (error instanceof ClientAborted) {
        entry.status = CLIENT_CLOSED;
        entry.errorType = 'ClientAborted';
        state.requests.add(entry);
        return 'network_error';
      }
      if (error instanceof SesError) {
        response = errorResponse(error, requestId, state.now());
        if (error.type) entry.errorType = error.type;
      } else {
        response = internalErrorResponse(requestId);
        entry.errorType = 'InternalServiceErrorException';
      }
    }
    entry.status = response === 'network_error' ? 0 : response.status;
    state.requests.add(entry);
    return response;

    async function process(): Promise<EngineResponse> {
      const scoped = forRegion(state, scopeRegionOf(headers.authorization));
      const bytes = request.body instanceof Uint8Array ? request.body : await request.body;
      if (state.credentials) {
        await verifySignature(
          { ...request, body: bytes },
          state.credentials,
          state.region,
          state.now(),
        );
      }
      if (!route) {
        throw new SesError(
          404,
          'UnknownOperationException',
          `No SES v2 operation matches ${request.method} ${path}.`,
        );
      }
      const body = parseBody(bytes);
      entry.body = body;

      if (state.faults.latencyMs > 0) await wait(state.faults.latencyMs, request);
      const info: FaultRequestInfo = {
        operation: route.operation,
        method: request.method,
        path,
        body,
      };
      if (sdkRequest.attempt !== undefined) info.attempt = sdkRequest.attempt;
      const fault = state.faults.take(info);
      if (fault) {
        entry.fault = describeFault(fault);
        if (fault.latencyMs) await wait(fault.latencyMs, request);
        const outcome = faultOutcome(fault, info, scoped.region);
        if (outcome === 'network_error') {
          entry.errorType = 'NetworkError';
          return 'network_error';
        }
        if (outcome) throw outcome;
      }

      const result = await operations[route.operation]({
        state: scoped,
        params: route.params,
        body,
        query: query === '' ? noQuery : new URLSearchParams(query),
        requestId,
      });
      return jsonResponse(200, result, requestId, state.now());
    }
  };
}
