import { CliUsageError } from '@org/connector-core/cli';
import { describe, expect, it } from 'vitest';
import { smtpConfigFromEnv } from './env-config.js';

describe('smtpConfigFromEnv', () => {
  it('names a bad SMTP_SECURE, quoting it only when it is plainly a word', () => {
    expect(() => smtpConfigFromEnv({ SMTP_SECURE: 'maybe' }, {})).toThrow(
      'SMTP_SECURE must be true or false; got "maybe".',
    );
    // A password pasted into the wrong variable (regression: it was printed back).
    const error = (() => {
      try {
        smtpConfigFromEnv({ SMTP_SECURE: 'p@ss w0rd!#secret' }, {});
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toBe('SMTP_SECURE must be true or false.');
  });
});
