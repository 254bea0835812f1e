import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startApi } from '../../src/roles/api.ts';
import type { RunningRole } from '../../src/roles/role.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let running: RunningRole | undefined;
let databases: Database[] = [];
let webDir: string | undefined;
afterEach(async () => {
  await running?.stop(1000);
  running = undefined;
  for (const database of databases) await database.close();
  databases = [];
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  if (webDir) await rm(webDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<{ url: string; printed: string }> {
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_SCANNER_LOCAL_ROOTS: '/srv/samples',
    ...env,
  });
  let printed = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
  // As under `npm start`: no DATABASE_URL in the role's config, so it makes a development key;
  // the database itself is a real one, opened (and migrated) the way `serve` opens it.
  const database = await openDatabase({ database: { ...config.database, url: db().url } });
  databases.push(database);
  running = await startApi({ config, logger: createLogger({ level: 'silent' }), database });
  write.mockRestore();
  return { url: `http://127.0.0.1:${port}`, printed };
}

describe('the api role (npm start)', () => {
  it('prints the URL and a working development key, and revokes the previous key at the next start', async () => {
    const first = await start();
    expect(first.printed).toContain(`Data Scanner API on ${first.url}`);
    expect(first.printed).toContain('Local scans allowed under: /srv/samples');
    const key = /Development API key[^:]*: (dsk_\S+)/.exec(first.printed)?.[1];
    expect(key).toBeTruthy();
    const jobs = await fetch(`${first.url}/jobs`, { headers: { authorization: `Bearer ${key}` } });
    expect(jobs.status).toBe(200);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    await running?.stop(1000);

    const second = await start();
    const next = /Development API key[^:]*: (dsk_\S+)/.exec(second.printed)?.[1];
    expect(next).not.toBe(key);
    expect((await fetch(`${second.url}/jobs`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(
      401,
    );
    expect((await fetch(`${second.url}/jobs`, { headers: { authorization: `Bearer ${next}` } })).status).toBe(
      200,
    );
  });

  it('serves the dashboard build at / next to the API when it exists', async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'scanner-web-'));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>dashboard</title>');
    await writeFile(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    const { url, printed } = await start({ DATA_SCANNER_WEB_DIST: webDir });
    expect(printed).toContain(`dashboard: ${url}/`);
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<title>dashboard</title>');
    expect((await fetch(`${url}/assets/app.js`)).status).toBe(200);
    const missing = await fetch(`${url}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const key = /Development API key[^:]*: (dsk_\S+)/.exec(printed)?.[1];
    expect((await fetch(`${url}/scan`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(405);
    expect((await fetch(`${url}/../../etc/passwd`)).status).toBe(404);
  });
});
