import { defineProjectConfig } from '@org/vitest-config';
import { defineConfig } from 'vitest/config';

// One file at a time: some tests stop and restart a redis-server of their own.
export default defineConfig(
  defineProjectConfig({
    test: { name: 'store-redis', fileParallelism: false, testTimeout: 30_000 },
  }),
);
