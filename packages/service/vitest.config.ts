import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'service',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // s3rver signs ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers in its legacy provider.
    execArgv: ['--openssl-legacy-provider'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
