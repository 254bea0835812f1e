import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'infra',
    include: ['test/**/*.test.ts', 'lib/**/*.test.ts'],
    // Bundles the Lambda handlers once per run; every synthesis in every worker reuses the bundles.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
