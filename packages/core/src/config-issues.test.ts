import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssuePath, formatIssues } from './config-issues.js';

describe('formatIssuePath', () => {
  it('reads like the config it points into', () => {
    expect(formatIssuePath(['templates', 2, 'subject'])).toBe('templates[2].subject');
    expect(formatIssuePath([])).toBe('(root)');
  });
});

describe('formatIssues', () => {
  it('lists the first 50 issues and counts the rest', () => {
    const result = z.array(z.string()).safeParse(Array.from({ length: 120 }, () => 1));
    const lines = formatIssues(result.error!);
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe('[0]: Invalid input: expected string, received number');
    expect(lines.at(-1)).toBe('… and 70 more');
  });

  it('clips a line whose refinement quotes an oversized value', () => {
    const schema = z.string().superRefine((value, ctx) => {
      ctx.addIssue({ code: 'custom', message: `bad value ${value}` });
    });
    const [line] = formatIssues(schema.safeParse('x'.repeat(100_000)).error!);
    expect(line!.length).toBeLessThanOrEqual(301);
    expect(line!.endsWith('…')).toBe(true);
  });
});
