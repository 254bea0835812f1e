import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../log.ts';
import type { RunningRole } from './role.ts';

/** How many API processes share this one's port (`--workers N`): 1 unless a cluster primary said so. */
export function apiProcessCount(env: NodeJS.ProcessEnv = process.env): number {
  const count = Number(env.DATA_SCANNER_API_PROCESSES ?? 1);
  return Number.isInteger(count) && count >= 1 ? count : 1;
}

/** What the primary sends an API worker to make it drain and exit, like SIGTERM (but never a second signal). */
export const STOP_MESSAGE = 'data-scanner:stop';

/** Options of `startApiWorkers`. */
export interface ApiWorkersOptions {
  /** Processes to run, each `serve --role api`. */
  count: number;
  /** The database the primary opened (its embedded server, or `DATABASE_URL`). */
  databaseUrl: string;
  /** The database is the primary's embedded server: the first worker makes the development key. */
  embeddedDatabase: boolean;
  logger: Logger;
}

/**
 * Runs the API role in `count` processes (node:cluster) sharing the primary's port, so one
 * container uses every core. Resolves once every worker listens; rejects (stopping the others)
 * when one exits first. A worker that dies later is replaced after a second. `stop` asks every
 * worker to drain as SIGTERM would and waits for them, killing what is left at the deadline.
 */
export async function startApiWorkers(options: ApiWorkersOptions): Promise<RunningRole> {
  const log = options.logger.child({ role: 'api' });
  cluster.setupPrimary({ args: ['serve', '--role', 'api', '--workers', '1'] });
  const workers = new Set<Worker>();
  const listening = new WeakSet<Worker>();
  let started = false;
  let stopping = false;

  const fork = (index: number, replacement = false): Worker => {
    const worker = cluster.fork({
      DATABASE_URL: options.databaseUrl,
      API_WORKERS: '1',
      DATA_SCANNER_API_WORKER: String(index),
      // A replacement prints no banner and keeps the development key the first one printed.
      DATA_SCANNER_API_REPLACEMENT: replacement ? '1' : '0',
      DATA_SCANNER_API_PROCESSES: String(options.count),
      DATA_SCANNER_EMBEDDED_DATABASE: options.embeddedDatabase ? '1' : '0',
    });
    workers.add(worker);
    worker.once('listening', () => listening.add(worker));
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (!started || stopping) return;
      log.error({ worker: index, code, signal }, 'api worker exited; starting another');
      setTimeout(() => {
        if (!stopping) fork(index, true);
      }, 1000).unref();
    });
    return worker;
  };

  const stop = async (deadlineMs: number) => {
    stopping = true;
    const exits = [...workers].map((worker) => {
      const exited = new Promise<void>((resolve) => {
        if (worker.isDead()) resolve();
        else worker.once('exit', () => resolve());
      });
      if (worker.isConnected()) worker.send(STOP_MESSAGE);
      // A worker still starting may not read messages yet: it is told again once it listens.
      if (!listening.has(worker)) worker.once('listening', () => worker.send(STOP_MESSAGE));
      return exited;
    });
    // Each worker drains within the same deadline; a little more for its own shutdown.
    const timer = setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, deadlineMs + 5_000);
    await Promise.all(exits);
    clearTimeout(timer);
  };

  try {
    await Promise.all(
      Array.from(
        { length: options.count },
        (_, i) =>
          new Promise<void>((resolve, reject) => {
            const worker = fork(i + 1);
            worker.once('listening', () => resolve());
            worker.once('exit', (code) =>
              reject(new Error(`api worker ${i + 1} exited (code ${code}) before it listened`)),
            );
          }),
      ),
    );
  } catch (err) {
    await stop(0);
    throw err;
  }
  started = true;
  log.info({ workers: options.count }, 'api workers listening');
  return {
    stop: async (deadlineMs) => {
      await stop(deadlineMs);
      log.info('api workers stopped');
    },
  };
}
