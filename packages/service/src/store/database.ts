import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { PortInUseError, startEmbeddedPostgres } from './embedded-postgres.ts';
import { guardPool } from './guard-pool.ts';
import { migrate } from './migrate.ts';

/** An open connection pool, and how to let it go (stopping the embedded server we started). */
export interface Database {
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded server with data under the data dir,
 * then applies pending migrations (unless `migrate: false`).
 */
export async function openDatabase(
  config: Pick<Config, 'database'>,
  options: { logger?: Logger; migrate?: boolean } = {},
): Promise<Database> {
  let url = config.database.url;
  let stopServer: () => Promise<void> = async () => {};
  if (!url) {
    const dataDir = path.join(config.database.dataDir, 'postgres');
    options.logger?.info({ dataDir, port: config.database.embeddedPort }, 'starting embedded PostgreSQL');
    const server = await startEmbeddedPostgres({
      dataDir,
      port: config.database.embeddedPort,
      onLog: (line) => options.logger?.debug({ postgres: line.trim() }, 'postgres'),
    }).catch((err: unknown) => {
      if (!(err instanceof PortInUseError)) throw err;
      throw new Error(
        `${err.message}. Set DATA_SCANNER_EMBEDDED_PG_PORT to a free port (e.g. DATA_SCANNER_EMBEDDED_PG_PORT=${err.port + 1}), ` +
          'stop the program holding it, or set DATABASE_URL to use your own PostgreSQL',
      );
    });
    url = server.url;
    stopServer = server.stop;
  }
  const pool = guardPool(
    new pg.Pool({ connectionString: url, max: config.database.poolMax }),
    options.logger,
  );
  try {
    if (options.migrate !== false) {
      const applied = await migrate(pool);
      if (applied.length > 0) options.logger?.info({ applied }, 'migrations applied');
    }
  } catch (err) {
    await pool.end();
    await stopServer();
    throw err;
  }
  let closed = false;
  return {
    pool,
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
      await stopServer();
    },
  };
}
