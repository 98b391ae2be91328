import fc from 'fast-check';
import { hostileString } from './hostile-strings.js';

/** The verification code the fuzzed command lines pass; it must never be printed. */
export const fuzzCode = '918273645';

// Built once: large inputs every surface must refuse as a typed error.
const large = [
  `${'ab-'.repeat(25_000)}cd`,
  'x'.repeat(2 * 1024 * 1024),
  `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  JSON.stringify({ big: 'y'.repeat(1_100_000) }),
  `{{${' '.repeat(10_000)}`,
];

/**
 * Command lines for a connector CLI: commands, shared options and `extraTokens` (provider
 * flags, file paths) in any order, with hostile and oversized values.
 */
export function cliArgv(extraTokens: readonly string[]): fc.Arbitrary<string[]> {
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('send', 'test', 'check', 'help', 'frobnicate') },
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        '--to',
        '--type',
        '--locale',
        '--payload',
        '--json',
        '--help',
        '-h',
        '--config',
        '--templates',
        '--nope=hunter2',
        `--code=${fuzzCode}`,
        '--',
      ),
    },
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'ada@example.com',
        'Ada <ada@example.com>',
        'victim@bank.example/attacker',
        'a@2130706433',
        'SignIn',
        'Generic',
        'Login',
        'de-AT',
        'de-AT,de;q=0.9',
        '{"link":"https://example.com/x","user":{"name":"Ada"}}',
        '{"user":{"name":"=?UTF-8?B?DQpCY2M6IHhAeS56?="}}',
        '[1,2]',
        '{bad json',
        '/dev/zero',
        'missing.json',
        ...extraTokens,
      ),
    },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom(...large) },
  );
  const anyTokens = fc.array(token, { maxLength: 12 });
  return fc.oneof(
    anyTokens,
    fc
      .tuple(fc.constantFrom(...validCommands), anyTokens)
      .map(([base, extra]) => [...base, ...extra]),
  );
}

// Command lines that succeed as they are (given the config the caller sets up), so the fuzz
// also explores what follows a valid start.
const validCommands: readonly (readonly string[])[] = [
  ['send', '--to', 'ada@example.com', '--type', 'SignIn', `--code=${fuzzCode}`],
  ['test', '--to', 'Ada <ada@example.com>'],
  ['check'],
];
