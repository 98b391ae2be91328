import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built package, loaded twice: once as CJS and once as ESM, like an app whose
// dependencies pull in both. (The turbo `test` task builds first.)
const cjsPath = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const esmUrl = new URL('../dist/index.js', import.meta.url).href;

type Core = typeof import('./index.js');

describe('the built CJS and ESM copies', () => {
  it('exist (run `pnpm --filter @org/connector-core build` first)', () => {
    expect(existsSync(cjsPath)).toBe(true);
  });

  it('recognise each other’s ConnectorError', async () => {
    const cjs = createRequire(import.meta.url)(cjsPath) as Core;
    const esm = (await import(/* @vite-ignore */ esmUrl)) as Core;
    expect(cjs.ConnectorError).not.toBe(esm.ConnectorError);

    const fromCjs = new cjs.ConnectorError('rate_limit_exceeded', 'slow down');
    const fromEsm = new esm.ConnectorError('aborted', 'stopped');
    expect(esm.ConnectorError.isInstance(fromCjs)).toBe(true);
    expect(cjs.ConnectorError.isInstance(fromEsm)).toBe(true);
    expect(fromCjs instanceof esm.ConnectorError).toBe(false);
  });

  it('share secret marks through zod’s global registry', async () => {
    const cjs = createRequire(import.meta.url)(cjsPath) as Core;
    const esm = (await import(/* @vite-ignore */ esmUrl)) as Core;
    const { z } = await import('zod');
    const schema = z.object({ key: cjs.secret(z.string()) });
    expect(esm.secretFieldsOf(schema)).toEqual(['key']);
  });
});
