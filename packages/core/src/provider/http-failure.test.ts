import { describe, expect, it } from 'vitest';
import { applyErrorTable } from './error-table.js';
import { type HttpFailureFacts, httpFailureFacts, httpFailureRules } from './http-failure.js';
import { HttpTimeoutError } from './json-http-client.js';

const rules = httpFailureRules<HttpFailureFacts, object>({
  name: 'Acme',
  timeoutHint: 'Raise requestTimeoutMs.',
});
const fallback = { code: 'general', message: () => 'other' } as const;
const map = (error: unknown) => applyErrorTable(rules, httpFailureFacts(error), {}, fallback);

describe('httpFailureFacts and httpFailureRules', () => {
  it('maps the JSON client timeout to timeout, with the provider hint', () => {
    expect(map(new HttpTimeoutError(5000))).toEqual({
      code: 'timeout',
      message: 'Acme did not answer within 5000 ms.',
      hint: 'Raise requestTimeoutMs.',
    });
  });

  it('maps a network errno anywhere on the cause chain to provider_unavailable', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    expect(map(error)).toMatchObject({
      code: 'provider_unavailable',
      message: 'Could not reach Acme (ECONNRESET).',
    });
  });

  it('leaves anything else to the provider rows, with its text bounded', () => {
    const facts = httpFailureFacts(new Error('x'.repeat(10_000)));
    expect(facts).toEqual({ message: `Error: ${'x'.repeat(293)}` });
    expect(map(new Error('boom')).code).toBe('general');
  });
});
