export type {
  DeliveredEmail,
  InjectOptions,
  ProviderFaultKind,
  ProviderMock,
} from '@org/connector-core/testing';
export { providerFaultKinds } from '@org/connector-core/testing';
export type { CaseContext, ConformanceCase } from './conformance-case.js';
export { conformanceCases } from './conformance-cases.js';
export { describeEmailConnectorConformance } from './describe-conformance.js';
export { type FaultExpectation, faultExpectations } from './fault-expectations.js';
export { abortConformance } from './groups/abort.js';
export { badInputConformance } from './groups/bad-input.js';
export { concurrencyConformance } from './groups/concurrency.js';
export { configConformance } from './groups/config.js';
export { errorsConformance } from './groups/errors.js';
export { feedbackConformance } from './groups/feedback.js';
export { lifecycleConformance } from './groups/lifecycle.js';
export { metadataConformance } from './groups/metadata.js';
export { secretsConformance } from './groups/secrets.js';
export { sendingConformance } from './groups/sending.js';
export { templatesConformance } from './groups/templates.js';
export { type CaseOutcome, type RunCaseOptions, runConformanceCase } from './run-case.js';
export { conformanceTemplates } from './templates.js';
export {
  type ConformanceGroupName,
  type ConformanceHarness,
  type ConformanceOptions,
  conformanceGroupNames,
  type FeedbackHarness,
  type InvalidConfigCase,
} from './types.js';
