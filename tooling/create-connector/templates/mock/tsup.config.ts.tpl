import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// cli.ts is the `mock-__NAME__` bin (bin/ imports dist/cli.js).
export default defineConfig(
  defineLibraryConfig({
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    external: ['@org/connector-core', 'msw'],
    // The CJS build needs import.meta.url for the lazy createRequire of msw.
    shims: true,
  }),
);
