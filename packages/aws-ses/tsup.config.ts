import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// cli.ts is the `ses-connector` bin (bin/ses-connector.js imports dist/cli.js); index and the
// `./feedback` entry have types.
export default defineConfig(
  defineLibraryConfig({
    entry: { index: 'src/index.ts', cli: 'src/cli.ts', feedback: 'src/feedback/index.ts' },
    dts: { entry: { index: 'src/index.ts', feedback: 'src/feedback/index.ts' } },
  }),
);
