import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'service',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // s3rver signs ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers in its legacy provider.
    // One throwaway PostgreSQL cluster per run; test/support/database.ts gives each test a fresh database.
    globalSetup: ['test/support/global-setup.ts'],
    execArgv: ['--openssl-legacy-provider'],
    // The files share a worker's module cache (a third of the CPU of the lighter files went to
    // loading the same modules again); tests that change the environment restore it.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
