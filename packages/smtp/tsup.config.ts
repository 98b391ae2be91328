import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// cli.ts is the `smtp-connector` bin (bin/smtp-connector.js imports dist/cli.js); only the
// library has types.
export default defineConfig(
  defineLibraryConfig({
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    dts: { entry: { index: 'src/index.ts' } },
  }),
);
