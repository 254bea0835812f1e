import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  initdbAs,
  reachableNativeDir,
  systemUser,
  traversableBy,
} from '../../src/store/postgres-binaries.ts';

const asRoot = process.getuid?.() === 0;
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!asRoot)('PostgreSQL binaries and data as root (the server runs as postgres)', () => {
  it('tells whether the postgres user can enter every folder down to a path', async () => {
    const user = await systemUser('postgres');
    const base = await mkdtemp(path.join(tmpdir(), 'pg-reach-'));
    made.push(base);
    await mkdir(path.join(base, 'inner'));
    await chmod(base, 0o700);
    expect(await traversableBy(path.join(base, 'inner'), user)).toBe(false);
    await chmod(base, 0o711);
    expect(await traversableBy(path.join(base, 'inner'), user)).toBe(true);
    expect(await traversableBy('/', user)).toBe(true);
  });

  it('gives binaries postgres can run, and names the folder when the data directory is out of its reach', async () => {
    const user = await systemUser('postgres');
    const native = await reachableNativeDir(user);
    expect(await traversableBy(path.join(native, 'bin'), user)).toBe(true);
    expect(existsSync(path.join(native, 'bin', 'initdb'))).toBe(true);

    const hidden = await mkdtemp(path.join(tmpdir(), 'pg-hidden-'));
    made.push(hidden);
    await chmod(hidden, 0o700);
    const dataDir = path.join(hidden, 'data', 'postgres');
    await expect(initdbAs(user, native, { dataDir, superuser: 'postgres', password: 'x' })).rejects.toThrow(
      `that user cannot reach ${dataDir}: set DATA_SCANNER_DATA_DIR`,
    );
  });
});
