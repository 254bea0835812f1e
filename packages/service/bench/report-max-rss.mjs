// Preloaded by bench/startup.ts: writes this process's peak resident set size (KiB) and CPU time (µs, user + system) to BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) {
    const usage = process.resourceUsage();
    writeFileSync(process.env.BENCH_RSS_FILE, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  }
});
