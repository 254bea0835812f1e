import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY_FILE, resolveFingerprintKey } from '../../src/store/fingerprint-key.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let dataDir: string;
let lines: { level: number; msg: string }[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'fingerprint-key-'));
  lines = [];
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const logger = () => pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const keyFile = () => path.join(dataDir, FINGERPRINT_KEY_FILE);
const OLD_KEY = 'a'.repeat(64);

async function storedKeys(): Promise<string[]> {
  const { rows } = await db().pool.query(`SELECT value FROM settings WHERE name = 'fingerprint_key'`);
  return rows.map((r) => r.value);
}

async function plantOldKey(): Promise<void> {
  await db().pool.query(`INSERT INTO settings (name, value) VALUES ('fingerprint_key', $1)`, [OLD_KEY]);
}

describe('resolveFingerprintKey', () => {
  it('generates the key once into the data dir (mode 0600) and never writes it to the database', async () => {
    const first = await resolveFingerprintKey({
      pool: db().pool,
      configured: undefined,
      dataDir,
      logger: logger(),
    });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(keyFile())).mode & 0o777).toBe(0o600);
    const again = await resolveFingerprintKey({
      pool: db().pool,
      configured: undefined,
      dataDir,
      logger: logger(),
    });
    expect(again).toBe(first);
    expect(await storedKeys()).toEqual([]);
  });

  it('FINGERPRINT_KEY wins and writes no file', async () => {
    const key = await resolveFingerprintKey({
      pool: db().pool,
      configured: 'from-env',
      dataDir,
      logger: logger(),
    });
    expect(key).toBe('from-env');
    await expect(stat(keyFile())).rejects.toThrow(/ENOENT/);
  });

  it('moves a key an earlier version stored in the settings table to the key file, with one log line', async () => {
    await plantOldKey();
    const key = await resolveFingerprintKey({
      pool: db().pool,
      configured: undefined,
      dataDir,
      logger: logger(),
    });
    expect(key).toBe(OLD_KEY);
    expect((await readFile(keyFile(), 'utf8')).trim()).toBe(OLD_KEY);
    expect((await stat(keyFile())).mode & 0o777).toBe(0o600);
    expect(await storedKeys()).toEqual([]);
    expect(lines.filter((l) => l.msg.includes('fingerprint key'))).toEqual([
      expect.objectContaining({
        level: 30,
        msg: `fingerprint key moved from the database to ${keyFile()} (mode 0600)`,
      }),
    ]);
    const again = await resolveFingerprintKey({
      pool: db().pool,
      configured: undefined,
      dataDir,
      logger: logger(),
    });
    expect(again).toBe(OLD_KEY);
  });

  it('with FINGERPRINT_KEY set, deletes the stored key and warns when it differed', async () => {
    await plantOldKey();
    const key = await resolveFingerprintKey({
      pool: db().pool,
      configured: 'new-key',
      dataDir,
      logger: logger(),
    });
    expect(key).toBe('new-key');
    expect(await storedKeys()).toEqual([]);
    await expect(stat(keyFile())).rejects.toThrow(/ENOENT/);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringContaining('differs from FINGERPRINT_KEY') }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(OLD_KEY);
  });

  it('keeps an existing, different key file and sets the stored key aside instead of overwriting it', async () => {
    await writeFile(keyFile(), 'b'.repeat(64), { mode: 0o600 });
    await plantOldKey();
    const key = await resolveFingerprintKey({
      pool: db().pool,
      configured: undefined,
      dataDir,
      logger: logger(),
    });
    expect(key).toBe('b'.repeat(64));
    expect((await readFile(`${keyFile()}.from-database`, 'utf8')).trim()).toBe(OLD_KEY);
    expect(await storedKeys()).toEqual([]);
  });

  it('two workers starting at once move the stored key once and agree on it', async () => {
    await plantOldKey();
    const keys = await Promise.all(
      [1, 2, 3].map(() =>
        resolveFingerprintKey({ pool: db().pool, configured: undefined, dataDir, logger: logger() }),
      ),
    );
    expect(keys).toEqual([OLD_KEY, OLD_KEY, OLD_KEY]);
    expect(lines.filter((l) => l.msg.startsWith('fingerprint key moved'))).toHaveLength(1);
  });
});
