import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

/** A fresh database with every migration applied, private to one test (or one file). */
export interface TestDatabase {
  /** Connection string, for code (or child processes) that opens its own pool. */
  url: string;
  /** A pool on the database, closed by `drop()`. */
  pool: pg.Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

let admin: pg.Pool | undefined;

function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: inject('databaseAdminUrl'), max: 2 });
  return admin;
}

/**
 * Creates a database copied from the migrated template (fast: no migrations run per test).
 * Prefer `useTestDatabase()`; call this directly when a test needs several databases.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminPool().query(`CREATE DATABASE ${name} TEMPLATE ${inject('databaseTemplate')}`);
  const url = inject('databaseAdminUrl').replace(/\/postgres$/, `/${name}`);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Idle clients are cut when the database is dropped; that is expected, not a test failure.
  pool.on('error', () => {});
  return {
    url,
    pool,
    drop: async () => {
      await pool.end();
      await adminPool().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Registers hooks giving each test (`scope: 'test'`, the default) or the whole file
 * (`scope: 'file'`) a fresh migrated database. Read it inside a test through the returned getter:
 *
 * ```ts
 * const db = useTestDatabase();
 * it('…', async () => { await db().pool.query('SELECT 1'); });
 * ```
 */
export function useTestDatabase(scope: 'test' | 'file' = 'test'): () => TestDatabase {
  let current: TestDatabase | undefined;
  const [before, after] = scope === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    current = await createTestDatabase();
  });
  after(async () => {
    await current?.drop();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useTestDatabase(): the database exists only inside tests and hooks');
    return current;
  };
}
