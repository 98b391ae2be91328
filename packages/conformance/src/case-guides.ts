import type { ConformanceCase } from './conformance-case.js';
import type { ConformanceGroupName } from './types.js';

export interface CaseGuide {
  /** The contract rule, as a failure states it. */
  rule: string;
  /** Where a provider author looks first. */
  lookAt: string;
}

const groupGuides: Readonly<Record<ConformanceGroupName, CaseGuide>> = Object.freeze({
  config: {
    rule: 'a valid config builds a working connector and an invalid one fails invalid_config naming the field',
    lookAt: "the provider's config schema and the harness's validConfig/invalidConfigs",
  },
  metadata: {
    rule: 'metadata identifies the connector, declares every capability truthfully and flags secret fields',
    lookAt:
      "the provider's metadata (capabilities, formItems) and the secret() marks of its config schema",
  },
  sending: {
    rule: 'each send delivers exactly one email, to exactly the recipient given, with the configured From, Reply-To, tags and headers',
    lookAt: "the transport's send(): how it builds the provider request from the OutgoingEmail",
  },
  templates: {
    rule: 'the pipeline selects and renders the right template for the usage type and locale',
    lookAt: "the transport's mapping of subject, html and text onto the provider request",
  },
  badInput: {
    rule: 'bad input fails invalid_request_parameters before any provider request',
    lookAt: 'the transport (it must not send on its own what the pipeline refused) and the harness',
  },
  errors: {
    rule: 'every wire form of a provider fault maps to its documented code and retryable flag, keeping the cause, with capped retries',
    lookAt: "the provider's error mapping and its retry loop",
  },
  abort: {
    rule: "the caller's signal and close() reach the provider I/O, and each attempt has its own timeout",
    lookAt: 'the signal passed to the I/O in transport.send() and the per-attempt timeout',
  },
  concurrency: {
    rule: 'parallel sends run concurrently and never lose, serialize or cross emails',
    lookAt: "the transport's per-send state and any queue or lock around the provider client",
  },
  secrets: {
    rule: 'no secret and no verification code appears, in any encoding, in errors, hints, causes, events, logs or inspect output',
    lookAt:
      'error messages and causes built in the error mapping, log lines, and headers/tags the transport adds',
  },
  lifecycle: {
    rule: 'close() is idempotent, stops every handle the connector opened, and no client or credential is shared between connectors',
    lookAt:
      "the transport's close() and where the provider client is created (once per connector, never in a module-level cache)",
  },
  feedback: {
    rule: 'provider feedback (bounces, complaints) is reported as the contract says',
    lookAt: "the provider's feedback handling",
  },
} as Record<ConformanceGroupName, CaseGuide>);

/** The rule and pointer a failure of this case states. */
export function guideOf(conformanceCase: ConformanceCase): CaseGuide {
  const group = groupGuides[conformanceCase.group] ?? {
    rule: `the ${conformanceCase.group} contract`,
    lookAt: "the provider's transport",
  };
  return {
    rule: conformanceCase.rule ?? group.rule,
    lookAt: conformanceCase.lookAt ?? group.lookAt,
  };
}
