import { describe, expect, it } from 'vitest';
import { usageTypes } from '../usage-types.js';
import { cliUsage, isCliCommand } from './usage.js';

const help = {
  description: 'Acme connector CLI.',
  checkSummary: 'Preflight: account and sender.\nSends nothing.',
  checkDescription: 'Calls the Acme status API. Sends nothing.',
  config: '  --config <file.json>     A connector config\n  ACME_KEY                 The API key',
};

describe('cliUsage', () => {
  const usage = cliUsage('acme-connector', help);

  it('puts the provider parts into the main help, aligning the check summary', () => {
    expect(usage.main).toMatch(
      /^Usage: acme-connector <command> \[options\]\n\nAcme connector CLI\.\n/,
    );
    expect(usage.main).toContain(
      '  check    Preflight: account and sender.\n           Sends nothing.\n  send     Send one email',
    );
    expect(usage.main).toContain('Run "acme-connector <command> --help" for a command\'s options.');
    expect(usage.main).toContain(
      'Config (one of):\n  --config <file.json>     A connector config\n  ACME_KEY                 The API key\n\nOutput:',
    );
    expect(usage.main).toMatch(
      /Exit codes: 0 ok, 1 the operation failed, 2 bad usage or config\.$/,
    );
  });

  it('gives check the default usage line unless the provider has its own', () => {
    expect(usage.commands.check).toMatch(
      /^Usage: acme-connector check \[--config <file.json>\] \[--json\]\n\nCalls the Acme status API\./,
    );
    expect(cliUsage('x', { ...help, checkUsage: '[--host <name>]' }).commands.check).toMatch(
      /^Usage: x check \[--host <name>\]\n/,
    );
  });

  it('documents send with every usage type, and test, each with the config help', () => {
    expect(usage.commands.send).toContain(`One of ${usageTypes.join(', ')} (required)`);
    expect(usage.commands.test).toMatch(/^Usage: acme-connector test --to <address>/);
    for (const text of Object.values(usage.commands)) expect(text).toContain('ACME_KEY');
  });
});

describe('isCliCommand', () => {
  it('knows check, send and test only', () => {
    expect(['check', 'send', 'test', 'help', undefined].map(isCliCommand)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
