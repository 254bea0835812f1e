import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../src/store/embedded-postgres.ts';
import { migrate } from '../src/store/migrate.ts';

/** A throwaway embedded PostgreSQL for a benchmark, migrated, with a pool on it. */
export interface BenchDatabase {
  /** The temporary folder: the server's data directory is `<dir>/data`. */
  readonly dir: string;
  readonly url: string;
  readonly pool: pg.Pool;
  /** Ends the pool, stops the server and removes `dir`. */
  close(): Promise<void>;
}

/** Starts a throwaway server under a temporary folder named after `name` and migrates it. */
export async function startBenchDatabase(name: string, poolMax: number): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), `scanner-bench-${name}-`));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    throwaway: true,
    fast: true,
  });
  const pool = new pg.Pool({ connectionString: server.url, max: poolMax });
  // Connections the server cuts while it stops at the end are expected, not a failure.
  pool.on('error', () => {});
  const close = async () => {
    await pool.end();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await migrate(pool);
  } catch (err) {
    await close();
    throw err;
  }
  return { dir, url: server.url, pool, close };
}
