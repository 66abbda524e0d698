import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file gets its own database, so files run in parallel; two workers suit a 2-core machine.
    maxWorkers: 2,
    // Generous: the tests that start API processes, kill them and restart them take seconds each on
    // a quiet machine, and many times that when the machine is shared (CI runs beside other work).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
