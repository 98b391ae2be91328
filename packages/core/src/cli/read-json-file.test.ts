import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.js';
import { readJsonFile } from './read-json-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-cli-json-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readJsonFile', () => {
  it('reads a file relative to the working directory', async () => {
    await writeFile(join(dir, 'ok.json'), '{"region":"us-east-1"}');
    await expect(readJsonFile('ok.json', dir, 'config')).resolves.toEqual({ region: 'us-east-1' });
  });

  it('names a file it cannot read, with the system code and a hint', async () => {
    const error = await readJsonFile('missing.json', dir, 'templates').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliUsageError);
    expect(error).toMatchObject({
      message: 'Cannot read the templates file missing.json (ENOENT).',
      hint: 'Check the path; relative paths are resolved from the current directory.',
    });
  });

  it('gives the line of a syntax error but never quotes the file, which may hold a secret', async () => {
    const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCY-EXAMPLEKEY';
    await writeFile(join(dir, 'broken.json'), `{\n  "a": 1,\n  "secret": "${secret}",,\n}`);
    const error = await readJsonFile('broken.json', dir, 'config').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toBe(
      'The config file broken.json is not valid JSON at line 3.',
    );
    expect(JSON.stringify(error)).not.toContain(secret);
  });
});

describe('readJsonFile limits', () => {
  it('refuses a device or FIFO instead of reading it forever (regression: /dev/zero hung)', async () => {
    const error = await readJsonFile('/dev/zero', dir, 'config').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toBe('The config file /dev/zero is not a regular file.');
  });

  it('refuses a file over 16 MiB before reading it', async () => {
    await writeFile(join(dir, 'big.json'), Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
    const error = await readJsonFile('big.json', dir, 'templates').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toContain('the maximum is 16777216');
  });
});
