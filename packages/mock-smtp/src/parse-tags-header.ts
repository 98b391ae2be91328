/** Reads the `X-Tags: name=value, name=value` header the SMTP connector writes for tags. */
export function parseTagsHeader(value: string | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const trimmed = pair.trim();
    const at = trimmed.indexOf('=');
    if (at <= 0) continue;
    tags[trimmed.slice(0, at).trimEnd()] = trimmed.slice(at + 1).trim();
  }
  return tags;
}
