import type {
  ConnectorOptions,
  DeliveryEvent,
  EmailConnector,
  SuppressionStore,
} from '@org/connector-core';
import type { ProviderMock } from '@org/connector-core/testing';

type MaybePromise<T> = T | Promise<T>;

/** A config the connector must refuse, and the field its `invalid_config` error must name. */
export interface InvalidConfigCase {
  /**
   * Overrides merged over `validConfig` by `createConnector`; a key set to `undefined`
   * stands for a missing field.
   */
  config: Record<string, unknown>;
  /** The field path the error message must mention, e.g. `region` or `templates`. */
  field: string;
}

/** What `setup()` returns: everything one conformance test needs, fresh for that test. */
export interface ConformanceHarness {
  /**
   * Builds a connector from `validConfig` with `overrides` merged over it (a shallow merge).
   * The suite passes `{ templates }` to swap the template set, so the config must keep its
   * templates under `templates` (as every connector config does). `options` go to the
   * connector factory unchanged (the suite uses `onEvent`).
   */
  createConnector(
    overrides?: Record<string, unknown>,
    options?: ConnectorOptions,
  ): MaybePromise<EmailConnector>;
  /** A config that works against `mock`, with `templates: [...conformanceTemplates]`. */
  validConfig: object;
  /** The bare address `validConfig` sends from, e.g. `noreply@example.com`. */
  fromAddress: string;
  /** Configs the connector must refuse; at least one. */
  invalidConfigs: readonly InvalidConfigCase[];
  /** The secret values in `validConfig` (keys, tokens, passwords), to prove they never leak. */
  secrets: readonly string[];
  /**
   * Required when the connector declares the `requestTimeout` capability: config overrides
   * that set a short per-attempt timeout, and that timeout in ms. The timeout test builds a
   * connector with them and injects latency beyond it; `validConfig` can keep a timeout
   * generous enough for 200 parallel sends on a busy machine.
   */
  requestTimeout?: { overrides: Record<string, unknown>; ms: number };
  /**
   * Required when the connector declares the `replyTo` capability: the config overrides that
   * make every email carry these Reply-To mailboxes, e.g.
   * `(addresses) => ({ replyTo: [...addresses] })`. The suite passes mailboxes such as
   * `Support <support@conformance.example>` and expects their bare addresses in
   * `DeliveredEmail.replyTo`.
   */
  replyToOverrides?(addresses: readonly string[]): Record<string, unknown>;
  /**
   * Config overrides with credentials the mock refuses (a wrong API key, secret or password).
   * Required when `secrets` is not empty: the suite proves that a connector built with them
   * fails `authorization_failed` (and `check()` reports not ok) while one from `validConfig`
   * keeps working, so no client or credential is shared between connectors.
   */
  invalidCredentials?: Record<string, unknown>;
  /**
   * Required when the connector declares the `tags` capability: the config overrides that add
   * these tags to every email, e.g. `(tags) => ({ tags: { ...tags } })`.
   */
  tagsOverrides?(tags: Readonly<Record<string, string>>): Record<string, unknown>;
  /**
   * When the connector can add configured headers: the config overrides that add these
   * headers to every email, e.g. `(headers) => ({ headers: { ...headers } })`.
   */
  headersOverrides?(headers: Readonly<Record<string, string>>): Record<string, unknown>;
  /** The provider mock every connector built by `createConnector` talks to. */
  mock: ProviderMock;
  /**
   * Required when the connector declares the `feedback` capability: the provider's delivery
   * feedback wired to a receiver (e.g. SNS → `@org/connector-aws-ses/feedback`). Called only by
   * the feedback group, so its setup costs nothing elsewhere.
   */
  feedback?(): MaybePromise<FeedbackHarness>;
  /** Runs after the test, after every connector the suite created was closed. */
  teardown?(): MaybePromise<void>;
}

/** What the feedback group needs: addresses the mock reports on, and what the receiver saw. */
export interface FeedbackHarness {
  /** Recipients the provider's mock turns into each outcome (e.g. SES's mailbox simulator). */
  recipients: { hardBounce: string; complaint: string; delivered: string };
  /** Config overrides under which sends report feedback (e.g. a configuration set). */
  configOverrides?: Record<string, unknown>;
  /** Waits for the feedback of every send so far to reach the receiver; all events seen. */
  events(): Promise<DeliveryEvent[]>;
  /** The store the receiver writes hard bounces and complaints to, fresh for the test. */
  suppressionStore: SuppressionStore;
}

export const conformanceGroupNames = [
  'config',
  'metadata',
  'sending',
  'templates',
  'badInput',
  'errors',
  'abort',
  'concurrency',
  'secrets',
  'lifecycle',
  'feedback',
] as const;

export type ConformanceGroupName = (typeof conformanceGroupNames)[number];

export interface ConformanceOptions {
  /** Shown in every test name, e.g. `aws-ses (msw)`. */
  name: string;
  /** Called before each test; returns a fresh harness (a reset mock, no pending faults). */
  setup(): MaybePromise<ConformanceHarness>;
  /**
   * Groups registered as skipped, for a provider that is still growing. Capabilities a
   * connector lacks are skipped by its metadata, not here.
   */
  skip?: readonly ConformanceGroupName[];
}
