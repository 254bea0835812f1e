import cluster from 'node:cluster';
import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { createLogger } from '../../log.ts';
import { STOP_MESSAGE } from '../../roles/api-workers.ts';
import { ROLE_NAMES, ROLES, type RunningRole, resolveRoles } from '../../roles/index.ts';
import { openDatabase } from '../../store/database.ts';

/**
 * `data-scanner serve --role <role>`: runs roles until SIGTERM/SIGINT, then drains them within
 * WORKER_DRAIN_SECONDS (Fargate Spot gives two minutes) and stops the embedded database if it started one.
 * With `--workers N` (or API_WORKERS) above 1 the API role runs in N processes on one port, which
 * this process starts, replaces when one dies, and stops with itself.
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('run a service role until SIGTERM')
    .option('--role <roles>', `one of ${ROLE_NAMES.join(', ')}, or a comma-separated list`, 'all')
    .option('--workers <n>', 'processes serving the API on its port (default: API_WORKERS, else 1)')
    .action(async (options: { role: string; workers?: string }) => {
      const config = getConfig();
      const names = resolveRoles(options.role);
      const workers = options.workers === undefined ? config.api.workers : Number(options.workers);
      if (!Number.isInteger(workers) || workers < 1) {
        throw new Error(`--workers must be an integer >= 1 (got ${JSON.stringify(options.workers)})`);
      }
      // With several API processes this one is their primary: it runs the other roles and the database.
      const clustered = workers > 1 && names.includes('api') && cluster.isPrimary;
      const logger = createLogger({ level: config.logLevel });
      // An API worker listens for its primary's stop from the start: one asked while it still
      // starts (a replacement, stopped as it comes up) is kept, not dropped for want of a listener.
      const stopAsked = cluster.isWorker
        ? new Promise<void>((resolve) =>
            process.on('message', (message) => message === STOP_MESSAGE && resolve()),
          )
        : undefined;
      const database = await openDatabase(config, { logger });
      const running: RunningRole[] = [];
      try {
        for (const name of names) {
          if (clustered && name === 'api') continue;
          const start = await ROLES[name]?.();
          if (start) running.push(await start({ config, logger, database }));
        }
        if (clustered) {
          const { startApiWorkers } = await import('../../roles/api-workers.ts');
          running.push(
            await startApiWorkers({
              count: workers,
              databaseUrl: database.url,
              embeddedDatabase: !config.database.url,
              logger,
            }),
          );
        }
        if (!names.includes('api') && config.api.healthPort) {
          const { startHealthServer } = await import('../../roles/health-server.ts');
          const health = await startHealthServer({
            port: config.api.healthPort,
            host: config.api.host,
            pool: database.pool,
            logger,
          });
          running.push({ stop: () => health.stop() });
        }
      } catch (err) {
        await Promise.all(running.map((r) => r.stop(0)));
        await database.close();
        throw err;
      }
      let stopping = false;
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        const onSignal = (received: NodeJS.Signals) => {
          if (!stopping) {
            stopping = true;
            resolve(received);
            return;
          }
          // A second Ctrl-C skips the drain; the exit hook still shuts down an embedded server.
          logger.warn({ signal: received }, 'second signal: exiting without waiting for the drain');
          process.exit(received === 'SIGINT' ? 130 : 143);
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
        // An API worker: its primary asks it to stop (a terminal's Ctrl-C may have reached it already).
        void stopAsked?.then(() => {
          if (stopping) return;
          stopping = true;
          resolve('SIGTERM');
        });
      });
      logger.info({ signal, drain_seconds: config.worker.drainSeconds }, 'stopping');
      await Promise.all(running.map((r) => r.stop(config.worker.drainSeconds * 1000)));
      await database.close();
      // An API worker's channel to its primary would keep it alive.
      if (cluster.isWorker) process.disconnect?.();
    });
}
