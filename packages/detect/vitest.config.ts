import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'detect',
    testTimeout: 180_000,
  },
});
