import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from '../log.ts';
import { inTransaction } from './transaction.ts';

/** Name of the key file in the data directory. */
export const FINGERPRINT_KEY_FILE = 'fingerprint-key';

/** Where the fingerprint key comes from and what may hold an old copy of it. */
export interface FingerprintKeyOptions {
  /** The database whose `settings` table may still hold a key written by an earlier version. */
  pool: pg.Pool;
  /** `FINGERPRINT_KEY`, when set. */
  configured: string | undefined;
  /** The data directory: the key file is `<dataDir>/fingerprint-key`. */
  dataDir: string;
  logger: Logger;
  /** The database is a server of its own (`DATABASE_URL`), possibly shared by several machines. */
  sharedDatabase?: boolean;
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim() || undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes a key file readable by its owner only; false when the file already exists. */
async function createKeyFile(file: string, key: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx', flush: true });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Moves a key an earlier version kept in the `settings` table out of the database: into the key
 * file when no `FINGERPRINT_KEY` is set, else it is only deleted. The row is locked while the file is
 * written, so concurrent starts move it once, and deleted only after the file is on disk.
 */
async function moveStoredKey(options: FingerprintKeyOptions, file: string): Promise<void> {
  const { logger } = options;
  await inTransaction(options.pool, async (client) => {
    const { rows } = await client.query<{ value: string }>(
      `SELECT value FROM settings WHERE name = 'fingerprint_key' FOR UPDATE`,
    );
    const stored = rows[0]?.value;
    if (stored === undefined) return;
    let message: string;
    let level: 'info' | 'warn' = 'info';
    if (options.configured !== undefined) {
      if (options.configured === stored) {
        message = 'fingerprint key deleted from the database: it equals FINGERPRINT_KEY';
      } else {
        level = 'warn';
        message =
          'fingerprint key deleted from the database: it differs from FINGERPRINT_KEY, so findings fingerprinted ' +
          'with it do not group with new ones';
      }
    } else if (await createKeyFile(file, stored)) {
      message = `fingerprint key moved from the database to ${file} (mode 0600)`;
    } else if ((await readKeyFile(file)) === stored) {
      message = `fingerprint key deleted from the database: ${file} already holds it`;
    } else {
      const aside = `${file}.from-database`;
      await writeFile(aside, `${stored}\n`, { mode: 0o600, flush: true });
      level = 'warn';
      message =
        `fingerprint key moved from the database to ${aside}: ${file} holds a different key, which is kept; ` +
        'findings fingerprinted with the old key do not group with new ones';
    }
    await client.query(`DELETE FROM settings WHERE name = 'fingerprint_key'`);
    logger[level]({ key_file: options.configured === undefined ? file : undefined }, message);
  });
}

/**
 * The HMAC key of finding fingerprints, never kept in the database it protects: `FINGERPRINT_KEY`
 * (Secrets Manager on AWS), else `<dataDir>/fingerprint-key`, 32 random bytes generated once (mode
 * 0600). A key an earlier version stored in the `settings` table is moved out first (one log line).
 */
export async function resolveFingerprintKey(options: FingerprintKeyOptions): Promise<string> {
  const file = path.join(options.dataDir, FINGERPRINT_KEY_FILE);
  await moveStoredKey(options, file);
  if (options.configured !== undefined) return options.configured;
  let key = await readKeyFile(file);
  if (key === undefined) {
    const made = randomBytes(32).toString('hex');
    key = (await createKeyFile(file, made)) ? made : await readKeyFile(file);
    if (key === made) options.logger.info({ key_file: file }, 'fingerprint key generated (mode 0600)');
  }
  if (key === undefined)
    throw new Error(`fingerprint key file ${file} is empty; delete it or set FINGERPRINT_KEY`);
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    await chmod(file, 0o600);
    options.logger.warn(
      { key_file: file },
      'fingerprint key file was readable by others; its mode is now 0600',
    );
  }
  if (options.sharedDatabase)
    options.logger.warn(
      { key_file: file },
      "no FINGERPRINT_KEY: the key file is this machine's own, so set FINGERPRINT_KEY on every worker sharing the database for fingerprints to group across them",
    );
  return key;
}
