import { describe, expect, it } from 'vitest';
import { describeTarget } from './ses-cli.js';

describe('describeTarget', () => {
  it('never prints credentials embedded in the endpoint URL (regression: printed as given)', () => {
    const target = describeTarget({
      region: 'us-east-1',
      emailAddress: 'noreply@acme.test',
      endpoint: 'http://AKIDEXAMPLE:s3cr3t-passw0rd@127.0.0.1:4566',
    });
    expect(target).toBe(
      'region us-east-1, sender noreply@acme.test, endpoint http://127.0.0.1:4566/',
    );
    expect(target).not.toContain('s3cr3t');
  });
});
