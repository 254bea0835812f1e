import { type ChildProcess, spawn } from 'node:child_process';
import { expect, vi } from 'vitest';
import { CLI } from './cli.ts';

/** A `serve --role api --workers 2` primary of the test run's build, with what it printed so far. */
export interface ApiWorkers {
  child: ChildProcess;
  output: () => string;
  /** Resolves once the primary logs that every worker listens (one answer is not enough: the other may still start). */
  listening: () => Promise<void>;
}

/** Starts `serve --role api --workers 2` at `info` log level with `env` (PATH is passed on). */
export function startApiWorkers(env: Record<string, string>, stderr: 'inherit' | 'ignore'): ApiWorkers {
  const child = spawn(process.execPath, [CLI, 'serve', '--role', 'api', '--workers', '2'], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', stderr],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return {
    child,
    output: () => output,
    listening: () =>
      vi.waitFor(() => expect(output).toContain('"msg":"api workers listening"'), {
        timeout: 90_000,
        interval: 50,
      }),
  };
}
