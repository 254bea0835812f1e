import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

/** A tenant: the owner of jobs and API keys. */
export interface Tenant {
  id: string;
  name: string;
}

/** SHA-256 (hex) of an API key: the only form in which a key is stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Tenants and their hashed API keys on PostgreSQL. */
export class PgTenantStore {
  constructor(private readonly pool: pg.Pool) {}

  async createTenant(name: string): Promise<Tenant> {
    const { rows } = await this.pool.query('INSERT INTO tenants (name) VALUES ($1) RETURNING id, name', [
      name,
    ]);
    return rows[0];
  }

  /** The tenant with this name, created when missing (the CLI's `local` tenant). */
  async ensureTenant(name: string): Promise<Tenant> {
    const { rows } = await this.pool.query(
      'SELECT id, name FROM tenants WHERE name = $1 ORDER BY created_at LIMIT 1',
      [name],
    );
    return rows[0] ?? this.createTenant(name);
  }

  /** Issues a new key; the raw key is returned once and only its hash is stored. */
  async createApiKey(tenantId: string, name = ''): Promise<{ id: string; key: string }> {
    const key = `dsk_${randomBytes(24).toString('base64url')}`;
    const { rows } = await this.pool.query(
      'INSERT INTO api_keys (tenant_id, name, prefix, key_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [tenantId, name, key.slice(0, 8), hashApiKey(key)],
    );
    return { id: rows[0].id, key };
  }

  /** The tenant owning an unrevoked key, or undefined. */
  async tenantForKey(key: string): Promise<Tenant | undefined> {
    const { rows } = await this.pool.query(
      `UPDATE api_keys k SET last_used_at = now() FROM tenants t
       WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND t.id = k.tenant_id RETURNING t.id, t.name`,
      [hashApiKey(key)],
    );
    return rows[0];
  }
}
