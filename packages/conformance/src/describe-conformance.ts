import { abortConformance } from './groups/abort.js';
import { badInputConformance } from './groups/bad-input.js';
import { concurrencyConformance } from './groups/concurrency.js';
import { configConformance } from './groups/config.js';
import { errorsConformance } from './groups/errors.js';
import { feedbackConformance } from './groups/feedback.js';
import { lifecycleConformance } from './groups/lifecycle.js';
import { metadataConformance } from './groups/metadata.js';
import { secretsConformance } from './groups/secrets.js';
import { sendingConformance } from './groups/sending.js';
import { templatesConformance } from './groups/templates.js';
import type { ConformanceOptions } from './types.js';

/**
 * Registers the whole conformance suite (eleven vitest `describe` groups; feedback runs only for connectors that declare it) for one connector.
 * Call it at the top level of a test file; `setup` runs before every test.
 */
export function describeEmailConnectorConformance(options: ConformanceOptions): void {
  configConformance(options);
  metadataConformance(options);
  sendingConformance(options);
  templatesConformance(options);
  badInputConformance(options);
  errorsConformance(options);
  abortConformance(options);
  concurrencyConformance(options);
  secretsConformance(options);
  lifecycleConformance(options);
  feedbackConformance(options);
}
