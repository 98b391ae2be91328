/** A value that must never show, and the label a failure names instead of the value. */
export interface Sensitive {
  label: string;
  value: string;
}

/** One form a value can leak in: the value encoded, or a long part of it. */
export interface LeakForm {
  /** e.g. `secrets[0] (base64)`: what a failure names; never the value. */
  label: string;
  needle: string;
}

// A shorter needle would match by chance (a 6-digit code inside a timestamp, say).
const minimumNeedle = 6;

/**
 * The part of base64(prefix + value) that depends on the value alone, for each of the three
 * byte alignments the value can have inside an encoded header such as `Basic user:pass`.
 */
function base64Cores(value: string, alphabet: 'base64' | 'base64url'): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset, 0x41), bytes]).toString(alphabet);
    const start = Math.ceil(offset / 3) * 4;
    const end = Math.floor((offset + bytes.length) / 3) * 4;
    const core = encoded.slice(start, end);
    if (core.length >= Math.max(minimumNeedle + 2, 8)) cores.push(core);
  }
  return cores;
}

/**
 * Every form in which a value counts as leaked: raw, base64 (three alignments, both
 * alphabets), percent-encoded, form-encoded, JSON-escaped, hex, and every part that keeps all
 * but four of its characters (`abcdef…` with the last four masked still gives the secret away).
 */
export function leakForms({ label, value }: Sensitive): LeakForm[] {
  const forms = new Map<string, string>();
  const add = (needle: string, form: string): void => {
    if (needle.length >= minimumNeedle && !forms.has(needle)) forms.set(needle, form);
  };
  add(value, label);
  for (const core of base64Cores(value, 'base64')) add(core, `${label} (base64)`);
  for (const core of base64Cores(value, 'base64url')) add(core, `${label} (base64url)`);
  add(encodeURIComponent(value), `${label} (percent-encoded)`);
  add(new URLSearchParams({ v: value }).toString().slice(2), `${label} (form-encoded)`);
  add(JSON.stringify(value).slice(1, -1), `${label} (JSON-escaped)`);
  add(JSON.stringify(JSON.stringify(value)).slice(2, -2), `${label} (JSON-escaped twice)`);
  if (value.length >= 12) {
    add(Buffer.from(value, 'utf8').toString('hex'), `${label} (hex)`);
    const length = value.length - 4;
    for (let start = 0; start + length <= value.length; start += 1) {
      add(value.slice(start, start + length), `${label} (all but 4 characters)`);
    }
  }
  return [...forms].map(([needle, form]) => ({ label: form, needle }));
}

/** The first form of any value found in `text`, or undefined. */
export function findLeak(text: string, values: readonly Sensitive[]): LeakForm | undefined {
  for (const value of values) {
    if (value.value === '') continue;
    for (const form of leakForms(value)) {
      if (text.includes(form.needle)) return form;
    }
  }
  return undefined;
}
