import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { RUNS_BUILT, SERVICE_ROOT } from '../service-root.ts';

/** The folder holding `NNN_name.sql` files, applied in number order (the build copies it to `dist/migrations`). */
export const MIGRATIONS_DIR = RUNS_BUILT
  ? path.join(SERVICE_ROOT, 'dist', 'migrations')
  : path.join(SERVICE_ROOT, 'src', 'store', 'migrations');

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads every `NNN_name.sql` file; refuses duplicate numbers and badly named files. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Map<number, string>();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration ${file} must be named NNN_snake_name.sql`);
    const version = Number(match[1]);
    const clash = seen.get(version);
    if (clash) throw new Error(`migrations ${clash} and ${file} share number ${match[1]}`);
    seen.set(version, file);
    migrations.push({ version, name: match[2] as string, sql: await readFile(path.join(dir, file), 'utf8') });
  }
  return migrations;
}

const LOCK_ID = 0x5ca11e5;

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its own
 * transaction, under an advisory lock so concurrent starts do not race. Returns the versions applied.
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<number[]> {
  const migrations = await loadMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(`migration ${String(m.version).padStart(3, '0')}_${m.name} failed: ${message}`, {
          cause: err,
        });
      }
      done.push(m.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    client.release();
  }
}
