import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { createLogger } from '../../log.ts';
import { ROLE_NAMES, ROLES, type RunningRole, resolveRoles } from '../../roles/index.ts';
import { openDatabase } from '../../store/database.ts';

/**
 * `data-scanner serve --role <role>`: runs roles until SIGTERM/SIGINT, then drains them within
 * WORKER_DRAIN_SECONDS (Fargate Spot gives two minutes) and stops the embedded database if it started one.
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('run a service role until SIGTERM')
    .option('--role <roles>', `one of ${ROLE_NAMES.join(', ')}, or a comma-separated list`, 'all')
    .action(async (options: { role: string }) => {
      const config = getConfig();
      const names = resolveRoles(options.role);
      const logger = createLogger({ level: config.logLevel });
      const database = await openDatabase(config, { logger });
      const running: RunningRole[] = [];
      try {
        for (const name of names) {
          const start = await ROLES[name]?.();
          if (start) running.push(await start({ config, logger, database }));
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
      });
      logger.info({ signal, drain_seconds: config.worker.drainSeconds }, 'stopping');
      await Promise.all(running.map((r) => r.stop(config.worker.drainSeconds * 1000)));
      await database.close();
    });
}
