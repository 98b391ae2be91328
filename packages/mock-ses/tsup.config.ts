import { existsSync } from 'node:fs';
import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// The CLI entry is optional so the library builds while the server/CLI is still being written.
const entry = ['src/index.ts', 'src/vitest.ts', 'src/conformance.ts', 'src/cli.ts'].filter((file) =>
  existsSync(file),
);

export default defineConfig(
  defineLibraryConfig({
    entry,
    // `import.meta.url` (used to load the optional msw peer lazily) needs a shim in the CJS build.
    shims: true,
    external: ['msw', 'msw/node', 'vitest', '@org/connector-core'],
  }),
);
