import { defineConfig } from 'vitest/config';

/** Browser tests: the built API and admin app in headless Chromium. Run `pnpm build` first. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
