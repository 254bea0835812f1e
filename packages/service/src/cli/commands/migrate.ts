import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { createCommandLogger } from '../../log.ts';
import { openDatabase } from '../../store/database.ts';
import { migrate } from '../../store/migrate.ts';

/** `data-scanner migrate`: applies pending SQL migrations and prints what it applied. */
export function register(program: Command): void {
  program
    .command('migrate')
    .description(
      'apply pending database migrations (embedded PostgreSQL under .data/ when DATABASE_URL is unset)',
    )
    .action(async () => {
      const config = getConfig();
      const database = await openDatabase(config, {
        logger: createCommandLogger(config.logLevel),
        migrate: false,
      });
      try {
        const applied = await migrate(database.pool);
        process.stdout.write(
          applied.length > 0 ? `applied migrations ${applied.join(', ')}\n` : 'database is up to date\n',
        );
      } finally {
        await database.close();
      }
    });
}
