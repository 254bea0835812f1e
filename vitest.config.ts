import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*'],
    // Vitest's default is one worker per core but one (2 - 1 on this 2-core machine), so files ran
    // one at a time while most service files wait on PostgreSQL, child processes and sockets.
    // Every file keeps to its own database, ports and temp folders, so several run at once.
    maxWorkers: 3,
  },
});
