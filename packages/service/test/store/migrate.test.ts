import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

describe('migrations', () => {
  it('gives each test a database with every migration applied', async () => {
    const { rows } = await db().pool.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY 1',
    );
    const files = await loadMigrations();
    expect(rows.map((r) => r.version)).toEqual(files.map((m) => m.version));
    const tables = await db().pool.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.rows.map((r) => r.t)).toEqual(
      expect.arrayContaining([
        'api_keys',
        'findings',
        'job_objects',
        'jobs',
        'outbox',
        'queue_messages',
        'tenants',
      ]),
    );
  });

  it('applies nothing twice and only new files later', async () => {
    expect(await migrate(db().pool)).toEqual([]);
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    try {
      await writeFile(path.join(dir, '001_core.sql'), 'SELECT 1');
      await writeFile(path.join(dir, '950_extra.sql'), 'CREATE TABLE extra (id int)');
      expect(await migrate(db().pool, dir)).toEqual([950]);
      expect(await migrate(db().pool, dir)).toEqual([]);
      await db().pool.query('SELECT id FROM extra');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rolls back a failing migration and names it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    try {
      await writeFile(
        path.join(dir, '951_broken.sql'),
        'CREATE TABLE half (id int); SELECT no_such_column FROM half',
      );
      await expect(migrate(db().pool, dir)).rejects.toThrow(/951_broken failed/);
      const { rows } = await db().pool.query("SELECT to_regclass('half') AS t");
      expect(rows[0].t).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses badly named and duplicate-numbered files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    try {
      await writeFile(path.join(dir, '020_a.sql'), '');
      await writeFile(path.join(dir, '020_b.sql'), '');
      await expect(loadMigrations(dir)).rejects.toThrow(/share number 020/);
      await rm(path.join(dir, '020_b.sql'));
      await writeFile(path.join(dir, '21-bad.sql'), '');
      await expect(loadMigrations(dir)).rejects.toThrow(/NNN_snake_name/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
