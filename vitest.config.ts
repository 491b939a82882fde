import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DynamoDB Local and s3rver start once for the whole run; each test file runs its own API server.
    globalSetup: ['test/support/global-setup.ts'],
    // No test reads the machine's date: each starts at a fixed instant and sets another when it needs one.
    setupFiles: ['test/support/test-clock.ts'],
    pool: 'forks',
    // Read when the handlers' modules load, before any test sets the local environment.
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
