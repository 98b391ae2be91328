import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// Splitting so `./provider`, `./testing` and `./cli` share the code of `.` (one ConnectorError class, one
// registry) instead of bundling a second copy of it. Shims give the CJS build an
// `import.meta.url`, which the lazy `createRequire` of html-to-text needs.
export default defineConfig(
  defineLibraryConfig({
    entry: {
      index: 'src/index.ts',
      provider: 'src/provider/index.ts',
      testing: 'src/testing/index.ts',
      cli: 'src/cli.ts',
    },
    splitting: true,
    shims: true,
  }),
);
