import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'detect',
    // The files share a worker's module cache: each would otherwise load the whole catalogue again
    // (about half of this package's test CPU). No test keeps global state past its file.
    isolate: false,
    testTimeout: 180_000,
  },
});
