import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// cli.ts is the `smtp-connector` bin (bin/smtp-connector.js imports dist/cli.js); the library
// and the `./testing` entry (the in-process SMTP mock) have types.
export default defineConfig(
  defineLibraryConfig({
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts', cli: 'src/cli.ts' },
    dts: { entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } },
  }),
);
