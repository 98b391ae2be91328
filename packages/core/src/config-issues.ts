import type { z } from 'zod';

/** `templates[2].subject`: how a zod issue path reads in a message. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One line per failing field, with zod's reason: `accessKeyId: Invalid input: expected string`.
 * zod does not put the input value into its messages (unless `reportInput` is on), so the
 * lines carry no secret; callers scrub known secret values anyway.
 */
export function formatIssues(error: z.ZodError): string[] {
  // Bounded: a list of a thousand bad entries names the first ones and counts the rest.
  const shown = error.issues
    .slice(0, maxIssueLines)
    .map((issue) => clip(`${formatIssuePath(issue.path)}: ${issue.message}`));
  const more = error.issues.length - shown.length;
  return more > 0 ? [...shown, `… and ${more} more`] : shown;
}

const maxIssueLines = 50;
// A refinement may quote a field (a duplicate's locale); when that field is itself the
// oversized value being refused, the line must name it, not repeat it.
const maxIssueLineLength = 300;

function clip(line: string): string {
  return line.length > maxIssueLineLength ? `${line.slice(0, maxIssueLineLength)}…` : line;
}
