import { defineProjectConfig } from '@org/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig(
  defineProjectConfig({
    test: {
      name: 'create-connector',
      include: ['src/**/*.test.mjs'],
      // Builds and type-checks a generated package: tsup and tsc take a few seconds each.
      testTimeout: 180_000,
    },
  }),
);
