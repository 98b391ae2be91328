import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliUsageError } from './cli-usage-error.js';

/**
 * Reads a JSON file for the CLI. A parse error never quotes the file: V8's messages include a
 * snippet of the text, which could be a secret.
 */
export async function readJsonFile(path: string, cwd: string, what: string): Promise<unknown> {
  const fullPath = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(fullPath, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliUsageError(
      `Cannot read the ${what} file ${path}${typeof code === 'string' ? ` (${code})` : ''}.`,
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
    throw new CliUsageError(`The ${what} file ${path} is not valid JSON${where}.`);
  }
}
