import { inspect } from 'node:util';
import { ConnectorError } from '@org/connector-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templates } from '../test/fixtures.js';
import { createAwsSesConnector } from './index.js';

// Wide in CI (the issue asks for 2000 runs), quick on a laptop.
const numRuns = process.env.CI ? 2000 : 200;

/** A secret nobody could mistake for text of ours, with arbitrary characters after the tag. */
const secretValue = (tag: string) =>
  fc.string({ unit: 'binary', maxLength: 24 }).map((rest) => `${tag}-${rest}`);

/** Marks, in a generated value, where the property puts the generated secrets. */
const SECRET = Symbol('secret');
const TOKEN = Symbol('session token');

const leafValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withDate: true }) },
  fc.constantFrom(undefined, null, '', '   ', 0, -1, 1.5, Number.NaN, true, SECRET, TOKEN),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const configKeys = [
  'accessKeyId',
  'accessKeySecret',
  'sessionToken',
  'region',
  'emailAddress',
  'emailAddressIdentityArn',
  'feedbackForwardingEmailAddress',
  'feedbackForwardingEmailAddressIdentityArn',
  'configurationSetName',
  'endpoint',
  'replyTo',
  'tags',
  'maxAttempts',
  'requestTimeoutMs',
  'pacing',
  'maxQueueWaitMs',
  'templates',
] as const;

type Path = (string | number)[];

const path: fc.Arbitrary<Path> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...configKeys).map((key): Path => [key]) },
  fc.constantFrom<Path>(
    ['pacing', 'maxSendRate'],
    ['tags', 'app'],
    ['replyTo', 0],
    ['templates', 0],
    ['templates', 0, 'subject'],
    ['templates', 1, 'usageType'],
    ['templates', 2, 'content'],
    ['templates', 3, 'locale'],
  ),
  fc.string({ maxLength: 12 }).map((key): Path => [key]),
);

interface Mutation {
  path: Path;
  kind: 'set' | 'delete';
  value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path,
  kind: fc.constantFrom('set', 'delete'),
  value: leafValue,
});

/** A valid config in many shapes, before mutation. */
const validConfig = fc.record(
  {
    accessKeyId: fc.constant('AKIAIOSFODNN7EXAMPLE'),
    accessKeySecret: fc.constant(SECRET),
    sessionToken: fc.constant(TOKEN),
    region: fc.constantFrom('us-east-1', 'eu-central-1', 'us-gov-west-1'),
    emailAddress: fc.constantFrom('noreply@acme.test', 'Acme <noreply@acme.test>'),
    endpoint: fc.constantFrom('http://127.0.0.1:4566', ''),
    replyTo: fc.constantFrom('help@acme.test', ['a@acme.test', 'B <b@acme.test>']),
    tags: fc.constant({ app: 'acme-web' }),
    maxAttempts: fc.integer({ min: 1, max: 10 }),
    requestTimeoutMs: fc.integer({ min: 1, max: 300_000 }),
    pacing: fc.constantFrom('off', 'auto', { maxSendRate: 14 }),
    maxQueueWaitMs: fc.integer({ min: 0, max: 600_000 }),
    templates: fc.constant(templates),
  },
  { requiredKeys: ['region', 'emailAddress', 'templates'] },
);

// fast-check's objects may come from another realm (vitest), so no `=== Object.prototype`.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    proto === null || (proto as { constructor?: { name?: string } }).constructor?.name === 'Object'
  );
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  }
  return value;
}

function applyMutation(config: Record<string, unknown>, m: Mutation) {
  let target: unknown = config;
  const keys = m.path;
  for (const key of keys.slice(0, -1)) {
    const next = (target as Record<string | number, unknown>)[key];
    if (typeof next !== 'object' || next === null) return;
    target = next;
  }
  const last = keys.at(-1) as string | number;
  if (m.kind === 'delete') delete (target as Record<string | number, unknown>)[last];
  else (target as Record<string | number, unknown>)[last] = m.value;
}

/** Replaces the markers with the generated secrets; reports whether one landed outside its field. */
function fillSecrets(
  value: unknown,
  secrets: { secret: string; token: string },
  path: string[] = [],
): { value: unknown; elsewhere: boolean } {
  if (value === SECRET || value === TOKEN) {
    const field = value === SECRET ? 'accessKeySecret' : 'sessionToken';
    return {
      value: value === SECRET ? secrets.secret : secrets.token,
      elsewhere: path.join('.') !== field,
    };
  }
  if (Array.isArray(value) || isPlainObject(value)) {
    let elsewhere = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const filled = fillSecrets(v, secrets, [...path, k]);
      elsewhere ||= filled.elsewhere;
      return [k, filled.value] as const;
    });
    return {
      value: Array.isArray(value) ? entries.map(([, v]) => v) : Object.fromEntries(entries),
      elsewhere,
    };
  }
  return { value, elsewhere: false };
}

/** Creates a connector; only an `invalid_config` ConnectorError may come out of it. */
async function attempt(config: unknown, secrets: readonly string[], leakCheckOnSuccess: boolean) {
  let connector: ReturnType<typeof createAwsSesConnector> | undefined;
  try {
    connector = createAwsSesConnector(config);
  } catch (error) {
    if (!ConnectorError.isInstance(error)) throw error;
    expect(error.code).toBe('invalid_config');
    expect(error.retryable).toBe(false);
    const shown = [
      error.message,
      error.hint ?? '',
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 8 }),
    ].join('\n');
    for (const secret of secrets) expect(shown).not.toContain(secret);
    return;
  }
  try {
    if (leakCheckOnSuccess) {
      const shown = `${JSON.stringify(connector)}\n${inspect(connector, { depth: 8 })}`;
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  } finally {
    await connector.close();
  }
}

describe('createAwsSesConnector on arbitrary config', () => {
  it('throws nothing but invalid_config for arbitrary JSON, never showing a secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.anything({
            maxDepth: 3,
            withBigInt: true,
            withBoxedValues: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withNullPrototype: true,
            withObjectString: true,
            withSparseArray: true,
            withTypedArray: true,
          }),
        ),
        secretValue('CANARY-KEY'),
        secretValue('CANARY-TOKEN'),
        async (value, secret, token) => {
          // Secrets beside arbitrary fields too, where a config object was given.
          const config =
            typeof value === 'object' && value !== null && !Array.isArray(value)
              ? { ...value, accessKeySecret: secret, sessionToken: token }
              : value;
          await attempt(config, [secret, token], true);
        },
      ),
      { numRuns },
    );
  });

  it('throws nothing but invalid_config for mutations of a valid config, never showing a secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        validConfig,
        fc.array(mutation, { minLength: 0, maxLength: 3 }),
        secretValue('CANARY-KEY'),
        secretValue('CANARY-TOKEN'),
        async (base, mutations, secret, token) => {
          const config = clone(base) as Record<string, unknown>;
          for (const m of mutations) applyMutation(config, m);
          const filled = fillSecrets(config, { secret, token });
          // A secret value copied into a plain field is shown there like any value.
          await attempt(filled.value, [secret, token], !filled.elsewhere);
        },
      ),
      { numRuns },
    );
  });
});
