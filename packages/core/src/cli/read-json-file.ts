import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayArgument, maxCliFileBytes } from './cli-limits.js';
import { CliUsageError } from './cli-usage-error.js';

async function readCapped(fullPath: string, shown: string, what: string): Promise<string> {
  const file = await open(fullPath, 'r');
  try {
    const stats = await file.stat();
    // A FIFO or device (`/dev/zero`, `/dev/stdin`) has no size to check and may never end.
    if (!stats.isFile()) {
      throw new CliUsageError(
        `The ${what} file ${shown} is not a regular file.`,
        'Pass the path of a JSON file.',
      );
    }
    if (stats.size > maxCliFileBytes) {
      throw new CliUsageError(
        `The ${what} file ${shown} is ${stats.size} bytes; the maximum is ${maxCliFileBytes}.`,
        'Pass a JSON config or template file, not a larger file.',
      );
    }
    // Read at most one byte past the cap, in case the file grew since stat.
    const buffer = Buffer.alloc(Math.min(stats.size, maxCliFileBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxCliFileBytes) {
      throw new CliUsageError(`The ${what} file ${shown} is larger than ${maxCliFileBytes} bytes.`);
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await file.close();
  }
}

/**
 * Reads a JSON file for the CLI. A parse error never quotes the file: V8's messages include a
 * snippet of the text, which could be a secret.
 */
export async function readJsonFile(path: string, cwd: string, what: string): Promise<unknown> {
  const fullPath = resolve(cwd, path);
  const shown = displayArgument(path);
  let text: string;
  try {
    text = await readCapped(fullPath, shown, what);
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new CliUsageError(
      `Cannot read the ${what} file ${shown}${typeof code === 'string' ? ` (${code})` : ''}.`,
      'Check the path; relative paths are resolved from the current directory.',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const where =
      position === undefined
        ? ''
        : ` at line ${text.slice(0, Number(position)).split('\n').length}`;
    throw new CliUsageError(`The ${what} file ${shown} is not valid JSON${where}.`);
  }
}
