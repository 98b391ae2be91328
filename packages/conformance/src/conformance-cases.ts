import type { ConformanceCase } from './conformance-case.js';
import { abortCases } from './groups/abort.js';
import { badInputCases } from './groups/bad-input.js';
import { concurrencyCases } from './groups/concurrency.js';
import { configCases } from './groups/config.js';
import { errorsCases } from './groups/errors.js';
import { feedbackCases } from './groups/feedback.js';
import { lifecycleCases } from './groups/lifecycle.js';
import { metadataCases } from './groups/metadata.js';
import { secretsCases } from './groups/secrets.js';
import { sendingCases } from './groups/sending.js';
import { templatesCases } from './groups/templates.js';
import type { ConformanceGroupName } from './types.js';

/** Every case of the suite by group, for running cases outside vitest's registration. */
export const conformanceCases: Readonly<Record<ConformanceGroupName, readonly ConformanceCase[]>> =
  Object.freeze({
    config: configCases,
    metadata: metadataCases,
    sending: sendingCases,
    templates: templatesCases,
    badInput: badInputCases,
    errors: errorsCases,
    abort: abortCases,
    concurrency: concurrencyCases,
    secrets: secretsCases,
    lifecycle: lifecycleCases,
    feedback: feedbackCases,
  });
