import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres } from '../../src/store/embedded-postgres.ts';
import { migrate } from '../../src/store/migrate.ts';
import { buildCli } from './build-cli.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the throwaway cluster (database `postgres`). */
    databaseAdminUrl: string;
    /** Name of the database holding every migration; test databases are copies of it. */
    databaseTemplate: string;
    /** `bin/data-scanner.mjs` of the run's build of the service (see `cli.ts`). */
    cliBin: string;
    /** The run's build of the service (`dist/`). */
    cliDist: string;
    /** `fault-engine-module.ts` built to JavaScript. */
    faultEngine: string;
  }
}

export const TEMPLATE = 'scanner_template';

/**
 * Starts ONE throwaway PostgreSQL cluster for the whole test run (free port, temp data dir,
 * deleted afterwards), builds a template database with every migration applied, and builds the
 * service once (esbuild, as `npm run build`) for the tests that run the CLI; hands all of it to
 * tests through `inject()`. See `database.ts` and `cli.ts` for the helpers tests use.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [built, started] = await Promise.allSettled([buildCli(), startTemplateCluster()]);
  if (built.status === 'rejected' || started.status === 'rejected') {
    if (built.status === 'fulfilled') await built.value.remove();
    if (started.status === 'fulfilled') await started.value.stop();
    throw built.status === 'rejected' ? built.reason : (started as PromiseRejectedResult).reason;
  }
  const [cli, cluster] = [built.value, started.value];
  project.provide('databaseAdminUrl', cluster.url);
  project.provide('databaseTemplate', TEMPLATE);
  project.provide('cliBin', cli.bin);
  project.provide('cliDist', cli.dist);
  project.provide('faultEngine', cli.faultEngine);
  return async () => {
    await cluster.stop();
    await cli.remove();
  };
}

/** The throwaway cluster with the template database; `stop()` also deletes its data. */
async function startTemplateCluster(): Promise<{ url: string; stop(): Promise<void> }> {
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
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
