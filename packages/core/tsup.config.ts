import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// Splitting so `./provider`, `./testing` and `./cli` share the code of `.` (one ConnectorError class, one
// registry) instead of bundling a second copy of it. No shims: the lazy requires of zod and
// html-to-text find their base without them (src/node-builtins.ts), and the ESM `__filename`
// shim would cost every import a `node:path` import.
export default defineConfig(
  defineLibraryConfig({
    entry: {
      index: 'src/index.ts',
      provider: 'src/provider/index.ts',
      testing: 'src/testing/index.ts',
      cli: 'src/cli.ts',
    },
    splitting: true,
  }),
);
