import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';

let dataDir: string;
let taken: net.Server;
let port: number;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'port-taken-'));
  // Another program on the port: it accepts connections and never answers.
  taken = net.createServer(() => {});
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as net.AddressInfo).port;
});

afterEach(async () => {
  await new Promise((resolve) => taken.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

function serve(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'serve', '--role', 'api'],
      {
        env: {
          PATH: process.env.PATH,
          DATA_SCANNER_DATA_DIR: dataDir,
          DATA_SCANNER_EMBEDDED_PG_PORT: String(port),
          LOG_LEVEL: 'warn',
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

function expectHint(r: { code: number; stderr: string }): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    `data-scanner: port ${port} on 127.0.0.1 is already in use by another program, so the embedded PostgreSQL ` +
      `cannot start. Set DATA_SCANNER_EMBEDDED_PG_PORT to a free port (e.g. DATA_SCANNER_EMBEDDED_PG_PORT=${port + 1}), ` +
      'stop the program holding it, or set DATABASE_URL to use your own PostgreSQL\n',
  );
}

describe('the embedded PostgreSQL port is taken', () => {
  it('serve exits 2 with a one-line hint naming the variable, before creating a cluster', async () => {
    expectHint(await serve());
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(false);
  });

  it('a stale postmaster.pid of a dead server does not make it connect to the other program', async () => {
    const pgData = path.join(dataDir, 'postgres');
    await mkdir(pgData, { recursive: true });
    await writeFile(path.join(pgData, 'PG_VERSION'), '18\n');
    await writeFile(path.join(pgData, 'postmaster.pid'), `999999\n${pgData}\n0\n${port}\n\n127.0.0.1\n`);
    expectHint(await serve());
  });
});
