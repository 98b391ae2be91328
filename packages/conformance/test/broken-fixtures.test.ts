// Proves the suite can fail: each deliberately broken connector is run through the groups
// that must catch its bug, with the very cases `describeEmailConnectorConformance` registers.
import { defineEmailConnector, type EmailConnectorFactory } from '@org/connector-core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConformanceGroupName,
  type ConformanceHarness,
  conformanceCases,
  runConformanceCase,
} from '../src/index.js';
import {
  crossesParallelSendsConnector,
  dropsReplyToConnector,
  leaksSecretConnector,
  leaksSecretInMessageConnector,
  swallowsErrorsConnector,
  wrongRecipientConnector,
} from './fixtures/broken-connectors.js';
import { type PostboxConfig, postboxConfigSchema } from './fixtures/postbox/config-schema.js';
import { createPostboxConnector, postboxMetadata } from './fixtures/postbox/connector.js';
import { postboxHarness } from './fixtures/postbox/harness.js';
import { createPostboxMock } from './fixtures/postbox/provider-mock.js';
import { createPostboxTransport } from './fixtures/postbox/transport.js';

/** Postbox without the replyTo capability: honest, so the suite must skip, not fail. */
const withoutReplyToCapability = defineEmailConnector<PostboxConfig>({
  metadata: {
    ...postboxMetadata,
    capabilities: { ...postboxMetadata.capabilities, replyTo: false },
  },
  configSchema: postboxConfigSchema,
  sender: (config) => config.emailAddress,
  createTransport: (config, context) => createPostboxTransport(config, context),
});

const postbox = createPostboxMock();
const server = setupServer(...postbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

interface Outcome {
  name: string;
  status: 'passed' | 'skipped' | 'failed';
  message?: string;
}

async function runGroups(
  factory: EmailConnectorFactory,
  groups: readonly ConformanceGroupName[],
  adjustHarness: (harness: ConformanceHarness) => ConformanceHarness = (harness) => harness,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const group of groups) {
    for (const conformanceCase of conformanceCases[group]) {
      const name = `${group}: ${conformanceCase.name}`;
      try {
        const result = await runConformanceCase(conformanceCase, {
          setup: () => adjustHarness(postboxHarness(postbox, factory)),
        });
        outcomes.push({ name, status: result.status });
      } catch (error) {
        outcomes.push({ name, status: 'failed', message: String((error as Error).message) });
      }
    }
  }
  return outcomes;
}

const failedNames = (outcomes: Outcome[]) =>
  outcomes.filter((o) => o.status === 'failed').map((o) => o.name);

const namesIn = (group: ConformanceGroupName, except: (name: string) => boolean = () => false) =>
  conformanceCases[group].map((c) => `${group}: ${c.name}`).filter((name) => !except(name));

const replyToCaseName = namesIn('sending').find((name) => name.includes('Reply-To'))!;

const withoutReplyToHook = (harness: ConformanceHarness): ConformanceHarness => {
  const { replyToOverrides: _omitted, ...rest } = harness;
  return rest;
};

describe('the suite fails deliberately broken connectors', () => {
  it('the correct Postbox example passes the groups the broken ones fail', async () => {
    const outcomes = await runGroups(createPostboxConnector, [
      'sending',
      'errors',
      'concurrency',
      'secrets',
    ]);
    expect(failedNames(outcomes)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'passed').length).toBeGreaterThan(20);
  });

  it('a connector that sends to the wrong recipient fails every recipient check', async () => {
    const outcomes = await runGroups(wrongRecipientConnector, ['sending', 'concurrency']);
    expect(failedNames(outcomes)).toEqual([
      // Only the cases that never look at the recipient pass.
      ...namesIn(
        'sending',
        (name) =>
          name.includes('idempotency key') ||
          name.includes('usage_type tag') ||
          name.includes('Reply-To'),
      ),
      ...namesIn('concurrency'),
    ]);
    const usageTypeFailure = outcomes.find((o) => o.name.startsWith('sending: Register'));
    expect(usageTypeFailure?.message).toMatch(
      /^To: expected \[ 'noreply@conformance\.example' \] to deeply equal/,
    );
  });

  it('a connector that swallows provider errors into success fails the error and timeout tests', async () => {
    const outcomes = await runGroups(swallowsErrorsConnector, ['errors', 'abort']);
    expect(failedNames(outcomes)).toEqual([
      ...namesIn('errors', (name) => name.includes('clears within the retry budget')),
      'abort: latency beyond the request timeout ends timeout (retryable)',
    ]);
    expect(outcomes.find((o) => o.name.startsWith('errors: throttle'))?.message).toContain(
      'expected a rejection, but it resolved with a SendResult (messageId queued)',
    );
    // Postbox declares no retries: those cases are skipped, not passed.
    expect(outcomes.filter((o) => o.status === 'skipped').map((o) => o.name)).toHaveLength(3);
  });

  it('a connector that leaks its API key through an error cause fails the secrets group, without printing the key', async () => {
    const outcomes = await runGroups(leaksSecretConnector, ['secrets']);
    expect(failedNames(outcomes)).toEqual([
      'secrets: no error of the connector shows a secret or the verification code',
    ]);
    const { message } = outcomes.find((o) => o.status === 'failed')!;
    expect(message).toMatch(/the \w+ fault: util\.inspect\(error\) contains secrets\[0\]/);
    expect(message).not.toContain('pb_conformance_0123456789abcdef');
  });

  it('a hand-written connector that puts its API key in error messages fails the secrets group', async () => {
    const outcomes = await runGroups(leaksSecretInMessageConnector, ['secrets']);
    expect(failedNames(outcomes)).toEqual([
      'secrets: no error of the connector shows a secret or the verification code',
    ]);
    const { message } = outcomes.find((o) => o.status === 'failed')!;
    expect(message).toMatch(/the \w+ fault: message contains secrets\[0\]/);
    expect(message).not.toContain('pb_conformance_0123456789abcdef');
  });

  it('a connector that drops Reply-To fails the Reply-To test only', async () => {
    const outcomes = await runGroups(dropsReplyToConnector, ['sending']);
    expect(failedNames(outcomes)).toEqual([replyToCaseName]);
    expect(outcomes.find((o) => o.status === 'failed')?.message).toMatch(
      /^Reply-To: the configured addresses, in order: expected \[\] to deeply equal/,
    );
  });

  it('a harness without replyToOverrides fails the Reply-To test of a connector that declares replyTo, saying to add it', async () => {
    const outcomes = await runGroups(createPostboxConnector, ['sending'], withoutReplyToHook);
    expect(failedNames(outcomes)).toEqual([replyToCaseName]);
    expect(outcomes.find((o) => o.status === 'failed')?.message).toContain(
      'harness.replyToOverrides: the connector declares the replyTo capability, so add replyToOverrides(addresses) to the harness',
    );
  });

  it('a connector that does not declare replyTo skips the Reply-To test, with the reason', async () => {
    const outcomes = await runGroups(withoutReplyToCapability, ['sending'], withoutReplyToHook);
    expect(failedNames(outcomes)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'skipped').map((o) => o.name)).toEqual([
      replyToCaseName,
    ]);
  });

  it('a connector whose parallel sends share state fails the concurrency group only', async () => {
    const outcomes = await runGroups(crossesParallelSendsConnector, ['sending', 'concurrency']);
    expect(failedNames(outcomes)).toEqual(namesIn('concurrency'));
    expect(outcomes.find((o) => o.status === 'failed')?.message).toMatch(
      /send #\d+: (recipient|its own code|carries another recipient's code)|distinct message ids|delivered emails/,
    );
  });
});
