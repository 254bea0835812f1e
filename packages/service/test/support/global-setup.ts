import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres } from '../../src/store/embedded-postgres.ts';
import { migrate } from '../../src/store/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the throwaway cluster (database `postgres`). */
    databaseAdminUrl: string;
    /** Name of the database holding every migration; test databases are copies of it. */
    databaseTemplate: string;
  }
}

export const TEMPLATE = 'scanner_template';

/**
 * Starts ONE throwaway PostgreSQL cluster for the whole test run (free port, temp data dir,
 * deleted afterwards), builds a template database with every migration applied, and hands
 * both to tests through `inject()`. See `database.ts` for the per-test helper.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const parent = await mkdtemp(path.join(tmpdir(), 'scanner-pg-'));
  // As root the server runs as the `postgres` user, which must be able to reach the data dir.
  await chmod(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    throwaway: true,
    fast: true,
  });
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  const template = new pg.Pool({
    connectionString: server.url.replace(/\/postgres$/, `/${TEMPLATE}`),
    max: 1,
  });
  await migrate(template);
  await template.end();
  await admin.end();
  project.provide('databaseAdminUrl', server.url);
  project.provide('databaseTemplate', TEMPLATE);
  return async () => {
    await server.stop();
    await rm(parent, { recursive: true, force: true });
  };
}
