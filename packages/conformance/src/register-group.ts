import { describe, it } from 'vitest';
import type { ConformanceCase } from './conformance-case.js';
import { runConformanceCase } from './run-case.js';
import type { ConformanceOptions } from './types.js';

/** Registers one vitest `describe` for a group, one `it` per case. */
export function registerGroup(
  title: string,
  cases: readonly ConformanceCase[],
  options: ConformanceOptions,
): void {
  const group = cases[0]?.group;
  const skipped = group !== undefined && (options.skip ?? []).includes(group);
  const register = skipped ? describe.skip : describe;
  register(`${options.name}: ${title}`, () => {
    for (const conformanceCase of cases) {
      it(conformanceCase.name, async (context) => {
        await runConformanceCase(conformanceCase, options, {
          skip: (reason) => context.skip(reason),
        });
      });
    }
  });
}
