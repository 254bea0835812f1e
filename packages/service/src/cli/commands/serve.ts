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
    .option('--role <role>', `one of ${ROLE_NAMES.join(', ')}`, 'all')
    .action(async (options: { role: string }) => {
      const config = getConfig();
      const names = resolveRoles(options.role);
      const logger = createLogger({ level: config.logLevel });
      const database = await openDatabase(config, { logger });
      const running: RunningRole[] = [];
      try {
        for (const name of names) {
          const start = ROLES[name];
          if (start) running.push(await start({ config, logger, database }));
        }
      } catch (err) {
        await Promise.all(running.map((r) => r.stop(0)));
        await database.close();
        throw err;
      }
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGTERM', () => resolve('SIGTERM'));
        process.once('SIGINT', () => resolve('SIGINT'));
      });
      logger.info({ signal, drain_seconds: config.worker.drainSeconds }, 'stopping');
      await Promise.all(running.map((r) => r.stop(config.worker.drainSeconds * 1000)));
      await database.close();
    });
}
