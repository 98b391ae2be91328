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

export interface CliFuzzOptions {
  /** Runs the CLI: `runConnectorCli(definition, argv, io)` or a provider's own entry. */
  run: (argv: string[], io: CliFuzzIo) => Promise<number>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Values that must never be printed (the code and `hunter2` are always checked). */
  secrets: readonly string[];
  /** Provider flags, file names and values mixed into the command lines. */
  extraTokens: readonly string[];
  numRuns: number;
}

export interface CliFuzzIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * Runs a CLI on generated command lines and checks every run: exit 0, 1 or 2, never a
 * rejection, no secret or code printed, refused large inputs not echoed back, `--json` output
 * parseable. Resolves with the exit codes seen, so a caller can check the runs got past the
 * argument parser.
 */
export async function fuzzCli(options: CliFuzzOptions): Promise<Set<number>> {
  const exits = new Set<number>();
  await fc.assert(
    fc.asyncProperty(cliArgv(options.extraTokens), async (argv) => {
      let out = '';
      const io: CliFuzzIo = {
        stdout: (text) => {
          out += text;
        },
        stderr: (text) => {
          out += text;
        },
        env: options.env,
        cwd: options.cwd,
      };
      const code = await options.run(argv, io);
      exits.add(code);
      if (![0, 1, 2].includes(code))
        throw new Error(`exit code ${code} for ${argv.length} arguments`);
      for (const secret of [...options.secrets, fuzzCode, 'hunter2']) {
        if (out.includes(secret)) throw new Error('the output shows a secret or the code');
      }
      if (out.length >= 20_000) throw new Error(`the output is ${out.length} characters long`);
      if (argv.includes('--json') && out.startsWith('{')) JSON.parse(out);
    }),
    { numRuns: options.numRuns },
  );
  return exits;
}
