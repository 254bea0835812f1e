import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../store/embedded-postgres.ts';

/** A throwaway redis-server on 127.0.0.1 (tests and benchmarks; nothing is written to disk). */
export interface LocalRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops the server (SIGTERM); `start()` brings it back on the same port, empty (no-op while running). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Sends a signal to the server (`SIGSTOP` freezes it: connected, but answering nothing). */
  signal(signal: NodeJS.Signals): void;
}

const START_TIMEOUT_MS = 10_000;

/**
 * Starts Debian's `redis-server` (or `REDIS_SERVER`) on a free port with `--save '' --appendonly no`,
 * and, with `password`, `--requirepass` (an ElastiCache auth token stand-in).
 */
export async function startLocalRedis(options: { password?: string } = {}): Promise<LocalRedis> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  if (options.password) args.push('--requirepass', options.password);
  let child: ChildProcess | undefined;
  const kill = () => child?.kill('SIGKILL');

  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) return;
    const server = spawn(process.env.REDIS_SERVER ?? 'redis-server', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    process.on('exit', kill);
    let output = '';
    let started = false;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        reject(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms: ${output.slice(-500)}`));
      }, START_TIMEOUT_MS);
      const collect = (chunk: Buffer) => {
        if (started) return;
        output += chunk.toString();
        if (!output.includes('Ready to accept connections')) return;
        started = true;
        clearTimeout(timer);
        resolve();
      };
      server.stdout?.on('data', collect);
      server.stderr?.on('data', collect);
      server.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
      });
    });
  };

  const stop = async () => {
    const server = child;
    child = undefined;
    process.off('exit', kill);
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    signal: (signal) => {
      child?.kill(signal);
    },
  };
}
