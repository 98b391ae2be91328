import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built package, loaded twice: once as CJS and once as ESM, like an app whose
// dependencies pull in both. (The turbo `test` task builds first.)
const cjsPath = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const esmUrl = new URL('../dist/index.js', import.meta.url).href;

type Core = typeof import('./index.js');
type ProviderKit = typeof import('./provider/index.js');
const esmProviderUrl = new URL('../dist/provider.js', import.meta.url).href;

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
    const esm = (await import(/* @vite-ignore */ esmProviderUrl)) as ProviderKit;
    const { z } = await import('zod');
    const schema = z.object({ key: cjs.secret(z.string()) });
    expect(esm.secretFieldsOf(schema)).toEqual(['key']);
  });
});

// Run in a fresh node: whether html-to-text is loaded is a fact about the whole process.
function loadsHtmlToText(importCore: string): { onImport: boolean; onRender: boolean } {
  const script = `
    const { createRequire } = require('node:module');
    const loaded = () => Object.keys(createRequire(${JSON.stringify(cjsPath)}).cache).some((file) => file.includes('html-to-text'));
    (async () => {
      const core = ${importCore};
      const onImport = loaded();
      const template = { usageType: 'Generic', subject: 'Hi', content: '<p>Code <b>{{code}}</b></p>' };
      const { text } = core.renderTemplate(template, { code: '123456' });
      if (text !== 'Code 123456') throw new Error('unexpected text: ' + text);
      console.log(JSON.stringify({ onImport, onRender: loaded() }));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('html-to-text in the built copies', () => {
  it('is loaded by the first HTML render, not by importing the CJS build', () => {
    expect(loadsHtmlToText(`require(${JSON.stringify(cjsPath)})`)).toEqual({
      onImport: false,
      onRender: true,
    });
  });

  it('is loaded by the first HTML render, not by importing the ESM build', () => {
    expect(loadsHtmlToText(`await import(${JSON.stringify(esmUrl)})`)).toEqual({
      onImport: false,
      onRender: true,
    });
  });
});

// zod marks its own load on globalThis (`__zod_globalConfig`, set by zod/v4/core): whichever
// copy and build loaded it, the mark is there. A fresh node again: a fact about the process.
function loadsZod(importCore: string): { onImport: boolean; onParse: boolean; shared?: boolean } {
  const script = `
    const loaded = () => '__zod_globalConfig' in globalThis;
    (async () => {
      const core = ${importCore};
      const onImport = loaded();
      const metadataRead = core.usageTypes.length > 0;
      const result = core.templateSchema.safeParse({ usageType: 'SignIn', subject: 'Hi', content: '<p>{{code}}</p>' });
      if (!result.success || !metadataRead) throw new Error('templateSchema refused a template');
      const out = { onImport, onParse: loaded() };
      if (process.env.CHECK_SHARED) {
        const { z } = await import('zod');
        out.shared = core.templateSchema instanceof z.ZodObject && core.templateSchema.constructor === z.ZodObject;
      }
      console.log(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, CHECK_SHARED: importCore.startsWith('await') ? '1' : '' },
    }),
  );
}

describe('zod in the built copies', () => {
  it('is loaded by the first schema use, not by importing the CJS build', () => {
    expect(loadsZod(`require(${JSON.stringify(cjsPath)})`)).toEqual({
      onImport: false,
      onParse: true,
    });
  });

  it('is loaded by the first schema use, not by importing the ESM build, and is the app’s zod', () => {
    expect(loadsZod(`await import(${JSON.stringify(esmUrl)})`)).toEqual({
      onImport: false,
      onParse: true,
      shared: true,
    });
  });
});
