import type pg from 'pg';

/** One of a tenant's own detectors, as stored. */
export interface StoredCustomDetector {
  id: string;
  spec: Record<string, unknown>;
  createdAt: Date;
}

/** Each tenant's own detectors (`/detectors`), on PostgreSQL; every call is scoped to a tenant. */
export class PgCustomDetectorStore {
  constructor(private readonly pool: pg.Pool) {}

  /** The tenant's detectors, by id. */
  async list(tenantId: string): Promise<StoredCustomDetector[]> {
    const { rows } = await this.pool.query(
      'SELECT id, spec, created_at FROM custom_detectors WHERE tenant_id = $1 ORDER BY id',
      [tenantId],
    );
    return rows.map((r) => ({ id: r.id, spec: r.spec, createdAt: r.created_at }));
  }

  /** The ids of the tenant's detectors. */
  async ids(tenantId: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM custom_detectors WHERE tenant_id = $1',
      [tenantId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Saves a new detector; null when the tenant already has one with this id. */
  async create(
    tenantId: string,
    id: string,
    spec: Record<string, unknown>,
  ): Promise<StoredCustomDetector | null> {
    const { rows } = await this.pool.query(
      `INSERT INTO custom_detectors (tenant_id, id, spec) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id, spec, created_at`,
      [tenantId, id, spec],
    );
    const r = rows[0];
    return r ? { id: r.id, spec: r.spec, createdAt: r.created_at } : null;
  }

  /** Deletes the tenant's detector; false when the tenant has none with this id. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM custom_detectors WHERE tenant_id = $1 AND id = $2',
      [tenantId, id],
    );
    return rowCount === 1;
  }
}
