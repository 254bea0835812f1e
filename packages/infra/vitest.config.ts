import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'infra',
    include: ['test/**/*.test.ts', 'lib/**/*.test.ts'],
    // Bundles the Lambda handlers once per run; every synthesis in every worker reuses the bundles.
    globalSetup: ['test/support/global-setup.ts'],
    // Test files share a worker's module cache: aws-cdk-lib and the profiles load once per worker, not
    // once per file, and test/support's in-memory synthesis cache serves every file of the worker. The
    // tests keep no global state (no mocks, no process.env writes).
    isolate: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
