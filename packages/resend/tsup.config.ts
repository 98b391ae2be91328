import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

// cli.ts is the `resend-connector` bin (bin/ imports dist/cli.js); only index has types.
export default defineConfig(
  defineLibraryConfig({ entry: ['src/index.ts', 'src/cli.ts'], dts: { entry: 'src/index.ts' } }),
);
