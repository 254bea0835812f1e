import type pg from 'pg';

/** A reservation older than this belongs to a request that died; a retry may take it over. */
const RESERVATION_SECONDS = 60;

/** What an earlier request with the same key left: its body's hash and, once created, its job. */
export interface IdempotencyRecord {
  requestHash: string;
  jobId: string | null;
}

/**
 * `Idempotency-Key`s of `POST /scan` per tenant (`api_idempotency_keys`, migrations 020 and 021): a
 * key is reserved before its job is created, then points at the job, so retries find the first job.
 */
export class PgIdempotencyKeys {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Reserves `key` for a request with `requestHash`, or takes over a reservation whose request died
   * without creating a job. False when another request holds or has used the key.
   */
  async reserve(tenantId: string, key: string, requestHash: string): Promise<boolean> {
    const reserved = await this.pool.query(
      `INSERT INTO api_idempotency_keys (tenant_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE api_idempotency_keys.job_id IS NULL
           AND api_idempotency_keys.created_at < now() - make_interval(secs => $4)
       RETURNING key`,
      [tenantId, key, requestHash, RESERVATION_SECONDS],
    );
    return reserved.rowCount === 1;
  }

  /** Points a reserved key at the job its request created. */
  async complete(tenantId: string, key: string, jobId: string): Promise<void> {
    await this.pool.query('UPDATE api_idempotency_keys SET job_id = $3 WHERE tenant_id = $1 AND key = $2', [
      tenantId,
      key,
      jobId,
    ]);
  }

  /** Frees a reservation whose request failed before creating a job, so a retry can use the key. */
  async release(tenantId: string, key: string): Promise<void> {
    await this.pool.query(
      'DELETE FROM api_idempotency_keys WHERE tenant_id = $1 AND key = $2 AND job_id IS NULL',
      [tenantId, key],
    );
  }

  /** What the request that holds `key` left, or null. */
  async find(tenantId: string, key: string): Promise<IdempotencyRecord | null> {
    const { rows } = await this.pool.query<{ request_hash: string; job_id: string | null }>(
      'SELECT request_hash, job_id FROM api_idempotency_keys WHERE tenant_id = $1 AND key = $2',
      [tenantId, key],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, jobId: row.job_id } : null;
  }
}
