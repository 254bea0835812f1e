import type pg from 'pg';
import { generateApiKey } from './api-key.ts';

/** A key as `keys create` reports it: `key` is shown once and never stored. */
export interface CreatedKey {
  tenantId: string;
  tenantName: string;
  keyId: string;
  prefix: string;
  key: string;
}

/** The tenant's id, creating the tenant when the name is new. */
export async function ensureTenant(db: pg.Pool | pg.PoolClient, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO tenants (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [name],
  );
  return (rows[0] as { id: string }).id;
}

/** Creates an API key for a tenant (made on first use) and stores only its sha-256 hash. */
export async function createApiKey(pool: pg.Pool, tenantName: string, keyName = ''): Promise<CreatedKey> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(tenantName)) {
    throw new Error('tenant name must be 1-63 letters, digits, dots, dashes or underscores');
  }
  const tenantId = await ensureTenant(pool, tenantName);
  const made = generateApiKey();
  const prefix = `dsk_${made.id}`;
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO api_keys (tenant_id, name, prefix, key_hash) VALUES ($1, $2, $3, $4) RETURNING id',
    [tenantId, keyName, prefix, made.hash],
  );
  return { tenantId, tenantName, keyId: (rows[0] as { id: string }).id, prefix, key: made.key };
}

/** Revokes every key of a tenant with the given name (the dev key rotation of `npm start`). */
export async function revokeKeysNamed(pool: pg.Pool, tenantName: string, keyName: string): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE api_keys SET revoked_at = now()
     WHERE name = $2 AND revoked_at IS NULL AND tenant_id = (SELECT id FROM tenants WHERE name = $1)`,
    [tenantName, keyName],
  );
  return rowCount ?? 0;
}

/** An unrevoked key of a public prefix: its id, tenant and stored sha-256 hash (hex). */
export interface StoredKey {
  id: string;
  tenantId: string;
  hash: string;
  /** The key's name (`keys create --name`), the actor of the state changes it makes. */
  name: string;
}

/** The unrevoked keys whose public prefix is `prefix` (a prepared statement: run once per request at most). */
export async function apiKeysByPrefix(pool: pg.Pool, prefix: string): Promise<StoredKey[]> {
  const { rows } = await pool.query<{ id: string; tenant_id: string; key_hash: string; name: string }>({
    name: 'api-keys-by-prefix-named',
    text: 'SELECT id, tenant_id, key_hash, name FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL LIMIT 20',
    values: [prefix],
  });
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, hash: r.key_hash, name: r.name }));
}

/** Sets `last_used_at` of these keys to now, skipping keys already marked within the last minute. */
export async function touchApiKeys(pool: pg.Pool, ids: readonly string[]): Promise<void> {
  await pool.query(
    `UPDATE api_keys SET last_used_at = now()
     WHERE id = ANY($1::uuid[]) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [ids],
  );
}
