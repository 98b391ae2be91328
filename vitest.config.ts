import { defineConfig } from 'vitest/config';

// `pnpm test` runs each package through turbo; this root config lets `pnpm vitest` run them all in one process.
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
});
