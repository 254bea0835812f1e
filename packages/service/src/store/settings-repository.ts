import { randomBytes } from 'node:crypto';
import type pg from 'pg';

/**
 * The fingerprint key: `configured` when set, else a random key generated once per database
 * and shared by every process using it, so equal secrets keep equal fingerprints.
 */
export async function resolveFingerprintKey(pool: pg.Pool, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await pool.query(
    `INSERT INTO settings (name, value) VALUES ('fingerprint_key', $1) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('hex')],
  );
  const { rows } = await pool.query(`SELECT value FROM settings WHERE name = 'fingerprint_key'`);
  return rows[0].value;
}
