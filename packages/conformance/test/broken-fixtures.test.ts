// Proves the suite can fail: each deliberately broken connector (test/fixtures/broken-
// connectors.ts) is run through the groups that must catch its bug, with the very cases
// `describeEmailConnectorConformance` registers, and must fail exactly the expected cases.
import { defineEmailConnector, type EmailConnectorFactory } from '@org/connector-core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConformanceGroupName,
  type ConformanceHarness,
  conformanceCases,
  runConformanceCase,
} from '../src/index.js';
import * as broken from './fixtures/broken-connectors.js';
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
  tags: (config) => config.tags,
  headers: (config) => config.headers,
  createTransport: (config, context) => createPostboxTransport(config, context),
});

const postbox = createPostboxMock();
const server = setupServer(...postbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const apiKey = 'pb_live/Conformance+0123456789abcdef==';

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
      broken.resetModuleClientCache();
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

const namesIn = (group: ConformanceGroupName, keep: (name: string) => boolean = () => true) =>
  conformanceCases[group].map((c) => `${group}: ${c.name}`).filter(keep);

const caseNamed = (group: ConformanceGroupName, part: string): string => {
  const found = namesIn(group, (name) => name.includes(part));
  if (found.length !== 1) throw new Error(`expected one ${group} case matching "${part}"`);
  return found[0]!;
};

// The sending cases that look at the recipient.
const recipientCases = namesIn(
  'sending',
  (name) => !/From keeps|configured tags|usage_type tag|Reply-To|idempotency key/.test(name),
);
// The usage-type cases whose subject carries the code (OrganizationInvitation's does not).
const codeSubjectCases = namesIn(
  'sending',
  (name) => /one email to the recipient/.test(name) && !name.includes('OrganizationInvitation'),
);
const faultCases = namesIn('errors', (name) => name.includes('in every wire form the mock offers'));
const fromCase = caseNamed('sending', 'From keeps its display name');
const tagsCase = caseNamed('sending', 'configured tags and headers');
const replyToCase = caseNamed('sending', 'Reply-To');
const parallelCase = caseNamed('concurrency', '200 parallel sends');
const inFlightCase = caseNamed('concurrency', 'concurrently');
const listenerCase = caseNamed('concurrency', 'abort listener');
const midFlightCase = caseNamed('abort', 'aborting while the provider is slow');
const closeMidFlightCase = caseNamed('abort', 'close() while a send is in flight');
const timeoutCase = caseNamed('abort', 'latency beyond the request timeout');
const perAttemptCase = caseNamed('abort', 'bounds each attempt');
const handlesCase = caseNamed('lifecycle', 'leaves no timer');
const credentialsCase = caseNamed('lifecycle', 'wrong credentials');
const capabilityCase = caseNamed('metadata', 'capability declared false');
const deliveredSecretsCase = caseNamed('secrets', 'delivered emails carry no secret');
const errorSecretsCase = caseNamed('secrets', 'no error of the connector');
const fault = (kind: string) => caseNamed('errors', `${kind}, in every wire form`);

interface BrokenCase {
  bug: string;
  factory: EmailConnectorFactory;
  groups: readonly ConformanceGroupName[];
  fails: readonly string[];
  /** What the first failure must say. */
  message: RegExp;
  before?: () => void;
}

const corpus: BrokenCase[] = [
  {
    bug: 'sends every email to the From address',
    factory: broken.wrongRecipientConnector,
    groups: ['sending', 'concurrency'],
    fails: [...recipientCases, parallelCase],
    message: /To is exactly the recipient given: expected \[ 'noreply@conformance\.example' \]/,
  },
  {
    bug: 'lower-cases recipients',
    factory: broken.lowercasesRecipientConnector,
    groups: ['sending'],
    fails: recipientCases,
    message:
      /the recipient arrived as \S+ instead of \S+; the local part of an address is case-sensitive/,
  },
  {
    bug: 'strips the +tag of recipients',
    factory: broken.stripsPlusTagConnector,
    groups: ['sending'],
    fails: recipientCases,
    message: /To is exactly the recipient given/,
  },
  {
    bug: 'strips the dots of the local part',
    factory: broken.stripsDotsConnector,
    groups: ['sending'],
    fails: recipientCases,
    message: /To is exactly the recipient given/,
  },
  {
    bug: 'Bccs the sender on every email',
    factory: broken.bccsSenderConnector,
    groups: ['sending'],
    fails: recipientCases,
    message: /no Bcc \(the code must reach only the recipient\)/,
  },
  {
    bug: 'Ccs an archive mailbox',
    factory: broken.ccsArchiveConnector,
    groups: ['sending'],
    fails: recipientCases,
    message: /no Cc \(the code must reach only the recipient\)/,
  },
  {
    bug: 'adds the sender to the recipients',
    factory: broken.addsSenderToRecipientsConnector,
    groups: ['sending', 'concurrency'],
    fails: [...recipientCases, parallelCase],
    message: /To is exactly the recipient given/,
  },
  {
    bug: 'drops the From display name',
    factory: broken.dropsFromNameConnector,
    groups: ['sending'],
    fails: [fromCase],
    message: /the From display name \(configured as "Conformance"\): expected undefined/,
  },
  {
    bug: 'mutates the shared From mailbox',
    factory: broken.mutatesSharedFromConnector,
    groups: ['sending'],
    fails: [fromCase],
    message: /the From display name/,
  },
  {
    bug: 'drops Reply-To',
    factory: broken.dropsReplyToConnector,
    groups: ['sending'],
    fails: [replyToCase],
    message: /Reply-To: the configured addresses, in order: expected \[\] to deeply equal/,
  },
  {
    bug: 'drops the configured tags',
    factory: broken.dropsConfiguredTagsConnector,
    groups: ['sending'],
    fails: [tagsCase],
    message: /send #1: tags/,
  },
  {
    bug: 'drops the configured headers',
    factory: broken.dropsConfiguredHeadersConnector,
    groups: ['sending'],
    fails: [tagsCase],
    message: /send #1: header X-Conformance-Run/,
  },
  {
    bug: 'copies the subject (and its code) into a header',
    factory: broken.codeInHeaderConnector,
    groups: ['sending', 'secrets'],
    fails: [...codeSubjectCases, deliveredSecretsCase],
    message: /header X-Original-Subject carries the verification code/,
  },
  {
    bug: 'copies the subject (and its code) into a tag',
    factory: broken.codeInTagsConnector,
    groups: ['sending', 'secrets'],
    fails: [...codeSubjectCases, tagsCase, deliveredSecretsCase],
    message: /tag subject carries the verification code/,
  },
  {
    bug: 'declares replyTo false but accepts and drops the option',
    factory: broken.hidesReplyToBehindCapabilityConnector,
    groups: ['metadata', 'sending'],
    fails: [capabilityCase],
    message:
      /metadata\.capabilities\.replyTo is false, yet the connector accepted the replyTo option/,
  },
  {
    bug: 'swallows provider errors into success',
    factory: broken.swallowsErrorsConnector,
    groups: ['errors', 'abort'],
    fails: [...faultCases, timeoutCase],
    message:
      /expected a rejection, but it resolved with a SendResult \(messageId queued\).*a provider error was swallowed/,
  },
  {
    bug: 'maps only HTTP 503 to provider_unavailable',
    factory: broken.onlyMaps503Connector,
    groups: ['errors'],
    fails: [fault('unavailable')],
    message: /unavailable as "http-500".*expected 'general' to be 'provider_unavailable'/,
  },
  {
    bug: 'sees throttling only in the JSON error code',
    factory: broken.throttleByJsonCodeOnlyConnector,
    groups: ['errors'],
    fails: [fault('throttle')],
    message: /throttle as "http-429-plain"/,
  },
  {
    bug: 'treats only 401 as an authorization failure',
    factory: broken.authOnly401Connector,
    groups: ['errors'],
    fails: [fault('auth_failure')],
    message: /auth_failure as "http-403-forbidden"/,
  },
  {
    bug: 'does not know sending_paused',
    factory: broken.missesSendingPausedConnector,
    groups: ['errors'],
    fails: [fault('quota_exhausted')],
    message: /quota_exhausted as "http-403-sending_paused"/,
  },
  {
    bug: 'marks a rejected identity retryable',
    factory: broken.rejectedAsRetryableConnector,
    groups: ['errors'],
    fails: [fault('rejected_identity')],
    message:
      /rejected_identity as "http-422-sender_not_verified".*: retryable: expected true to be false/,
  },
  {
    bug: "drops the provider's error (no cause)",
    factory: broken.dropsCauseConnector,
    groups: ['errors'],
    fails: faultCases,
    message: /error\.cause keeps the provider's error/,
  },
  {
    bug: "lets the provider's raw error escape",
    factory: broken.rawErrorEscapesConnector,
    groups: ['errors', 'abort'],
    fails: [...faultCases, caseNamed('abort', 'already aborted'), midFlightCase, timeoutCase],
    message: /got a raw PostboxApiError .*every failure must be a ConnectorError/,
  },
  {
    bug: 'retries without a cap',
    factory: broken.uncappedRetriesConnector,
    groups: ['errors'],
    fails: faultCases,
    message:
      /one send made 26 provider requests against a fault that does not clear: the retry loop has no cap/,
  },
  {
    bug: 'applies one timeout around all retries',
    factory: broken.timeoutAroundRetriesConnector,
    groups: ['abort'],
    fails: [perAttemptCase],
    message: /the 300 ms timeout was applied once around all attempts/,
  },
  {
    bug: "never passes the caller's signal (or close) to fetch",
    factory: broken.ignoresSignalConnector,
    groups: ['abort'],
    fails: [midFlightCase, closeMidFlightCase],
    message:
      /delivered the email after the send was aborted: the caller's signal never reached the request/,
  },
  {
    bug: 'leaves the close signal out and stops nothing in close()',
    factory: broken.ignoresCloseSignalConnector,
    groups: ['abort'],
    fails: [closeMidFlightCase],
    message: /the close signal never reached the request on the wire/,
  },
  {
    bug: 'adds an abort listener per send and never removes it',
    factory: broken.listenerPerSendConnector,
    groups: ['concurrency'],
    fails: [listenerCase],
    message: /abort listeners are still attached to one signal after 12 sequential sends/,
  },
  {
    bug: 'leaves an interval running after close()',
    factory: broken.leaksIntervalConnector,
    groups: ['lifecycle'],
    fails: [handlesCase],
    message: /1 interval\(s\) created by the connector still run after close\(\)/,
  },
  {
    bug: 'leaves a timer per send after close()',
    factory: broken.leaksTimerConnector,
    groups: ['lifecycle'],
    fails: [handlesCase],
    message: /keeps more active handles than before the connector existed \(Timeout \+\d+\)/,
  },
  {
    bug: 'caches the provider client at module level',
    factory: broken.moduleClientCacheConnector,
    groups: ['lifecycle'],
    fails: [credentialsCase],
    message:
      /the connector built with harness\.invalidCredentials delivered: it reused another connector's client/,
  },
  {
    bug: 'memoizes connectors by config',
    factory: broken.cachedConnectorFactory,
    groups: ['lifecycle'],
    before: broken.resetConnectorCache,
    // The first case gets a fresh connector; every later one is handed the cached, closed one.
    fails: namesIn('lifecycle').slice(1),
    message: /harness\.createConnector returned a connector it had returned before/,
  },
  {
    bug: 'shares the email being sent between parallel sends',
    factory: broken.crossesParallelSendsConnector,
    groups: ['concurrency'],
    fails: [parallelCase],
    message:
      /send #\d+: (recipient|its own code|carries another recipient's code)|distinct message ids|delivered emails/,
  },
  {
    bug: 'serializes sends behind one promise chain',
    factory: broken.serializesSendsConnector,
    groups: ['concurrency'],
    fails: [inFlightCase],
    message: /6 parallel sends reached the provider one at a time/,
  },
  {
    bug: 'keeps the Authorization header in an object on the cause',
    factory: broken.leaksSecretConnector,
    groups: ['secrets'],
    fails: [errorSecretsCase],
    message: /the \w+ fault: .* contains secrets\[0\]/,
  },
  {
    bug: 'puts Basic credentials (base64) in the cause',
    factory: broken.leaksBase64SecretConnector,
    groups: ['secrets'],
    fails: [errorSecretsCase],
    message: /contains secrets\[0\] \(base64\)/,
  },
  {
    bug: 'puts the key, percent-encoded in a URL, in the cause',
    factory: broken.leaksPercentEncodedSecretConnector,
    groups: ['secrets'],
    fails: [errorSecretsCase],
    message: /contains secrets\[0\] \(percent-encoded\)/,
  },
  {
    bug: 'masks only the last four characters of the key',
    factory: broken.leaksMaskedSecretConnector,
    groups: ['secrets'],
    fails: [errorSecretsCase],
    message: /contains secrets\[0\] \(all but 4 characters\)/,
  },
  {
    bug: 'logs every request body to the console',
    factory: broken.logsRequestBodyConnector,
    groups: ['secrets'],
    fails: namesIn('secrets', (name) => !name.includes('util.inspect, JSON.stringify')),
    message: /console\.debug printed a verification code during the case/,
  },
  {
    bug: 'appends the API key to its error messages (hand-written connector)',
    factory: broken.leaksSecretInMessageConnector,
    groups: ['secrets'],
    fails: [errorSecretsCase],
    message: /the \w+ fault: message contains secrets\[0\]/,
  },
];

const withoutReplyToHook = (harness: ConformanceHarness): ConformanceHarness => {
  const { replyToOverrides: _omitted, ...rest } = harness;
  return rest;
};

describe('the suite fails deliberately broken connectors', () => {
  it('the corpus holds at least 30 broken providers, each exported fixture in it once', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const factories = Object.values(broken).filter(
      (value) => typeof value === 'function' && 'metadata' in value,
    );
    expect(new Set(corpus.map((entry) => entry.factory)).size).toBe(corpus.length);
    expect(factories.length).toBe(corpus.length);
  });

  it('the correct Postbox example passes every group the broken ones fail', async () => {
    const outcomes = await runGroups(createPostboxConnector, [
      'metadata',
      'sending',
      'errors',
      'abort',
      'concurrency',
      'secrets',
      'lifecycle',
    ]);
    expect(failedNames(outcomes)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'passed').length).toBeGreaterThan(40);
  });

  for (const entry of corpus) {
    it(`a connector that ${entry.bug} fails exactly its cases, saying why`, async () => {
      entry.before?.();
      const outcomes = await runGroups(entry.factory, entry.groups);
      expect(failedNames(outcomes)).toEqual([...entry.fails]);
      const first = outcomes.find((o) => o.status === 'failed')!;
      expect(first.message).toMatch(entry.message);
      // Every failure names the contract rule and where to look, and never prints the key.
      for (const outcome of outcomes.filter((o) => o.status === 'failed')) {
        expect(outcome.message).toMatch(/^\[\w+\] broke the rule ".+" \(look at .+\):/);
        expect(outcome.message).not.toContain(apiKey);
        expect(outcome.message).not.toContain(apiKey.slice(0, -4));
      }
    });
  }

  it('a harness without replyToOverrides fails the Reply-To test of a connector that declares replyTo, saying to add it', async () => {
    const outcomes = await runGroups(createPostboxConnector, ['sending'], withoutReplyToHook);
    expect(failedNames(outcomes)).toEqual([replyToCase]);
    expect(outcomes.find((o) => o.status === 'failed')?.message).toContain(
      'harness.replyToOverrides: the connector declares the replyTo capability, so add replyToOverrides(addresses) to the harness',
    );
  });

  it('a connector that does not declare replyTo skips the Reply-To test, with the reason', async () => {
    const outcomes = await runGroups(withoutReplyToCapability, ['sending'], withoutReplyToHook);
    expect(failedNames(outcomes)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'skipped').map((o) => o.name)).toEqual([
      replyToCase,
    ]);
  });
});
