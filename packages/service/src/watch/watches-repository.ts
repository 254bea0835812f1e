import type pg from 'pg';
import type {
  ArrivedObject,
  NewWatch,
  RollingAdd,
  RollingJobRef,
  Watch,
  WatchStore,
} from '../ports/watch-store.ts';
import { isUuid } from '../uuid.ts';
import { addToRollingJob, closeEndedRollingJobs } from './rolling-jobs.ts';

/** A second watch of the same source by the same tenant. */
export class WatchExistsError extends Error {
  constructor(
    readonly source: string,
    readonly watchId: string,
  ) {
    super(`${source} is already watched (watch ${watchId})`);
    this.name = 'WatchExistsError';
  }
}

function toWatch(row: Record<string, unknown>): Watch {
  return {
    id: row.id as string,
    tenantId: row.tenant_id as string,
    name: (row.name as string | null) ?? null,
    source: row.source as string,
    detectors: (row.detectors as string[] | null) ?? null,
    exclude: (row.exclude as string[]) ?? [],
    createdAt: row.created_at as Date,
  };
}

/** The bucket and prefix of an `s3://bucket/prefix` source; undefined for other sources. */
export function s3Location(source: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(source);
  return match ? { bucket: match[1] as string, prefix: match[2] ?? '' } : undefined;
}

/** Watches and their rolling jobs on PostgreSQL (migration 050). */
export class PgWatchStore implements WatchStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Throws `WatchExistsError` when the tenant already watches the same source. */
  async create(tenantId: string, spec: NewWatch): Promise<Watch> {
    const s3 = s3Location(spec.source);
    const { rows } = await this.pool.query(
      `INSERT INTO watches (tenant_id, name, source, bucket, prefix, detectors, exclude)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, source) DO NOTHING RETURNING *`,
      [
        tenantId,
        spec.name ?? null,
        spec.source,
        s3?.bucket ?? null,
        s3?.prefix ?? '',
        spec.detectors ?? null,
        spec.exclude ?? [],
      ],
    );
    if (rows[0]) return toWatch(rows[0]);
    const { rows: existing } = await this.pool.query(
      'SELECT id FROM watches WHERE tenant_id = $1 AND source = $2',
      [tenantId, spec.source],
    );
    throw new WatchExistsError(spec.source, existing[0]?.id ?? '');
  }

  async get(tenantId: string, id: string): Promise<Watch | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.pool.query('SELECT * FROM watches WHERE id = $1 AND tenant_id = $2', [
      id,
      tenantId,
    ]);
    return rows[0] ? toWatch(rows[0]) : undefined;
  }

  async byId(id: string): Promise<Watch | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.pool.query('SELECT * FROM watches WHERE id = $1', [id]);
    return rows[0] ? toWatch(rows[0]) : undefined;
  }

  async list(
    tenantId: string,
    page: { limit: number; after?: { createdAt: string; id: string } },
  ): Promise<{ items: Watch[]; next: { createdAt: string; id: string } | null }> {
    const { rows } = await this.pool.query(
      `SELECT *, created_at::text AS created_key FROM watches
       WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY created_at, id LIMIT $4`,
      [tenantId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit).map(toWatch);
    const last = rows[page.limit - 1];
    return {
      items,
      next: rows.length > page.limit && last ? { createdAt: last.created_key, id: last.id } : null,
    };
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { rowCount } = await this.pool.query('DELETE FROM watches WHERE id = $1 AND tenant_id = $2', [
      id,
      tenantId,
    ]);
    return rowCount === 1;
  }

  async watchesOfBucket(bucket: string): Promise<Watch[]> {
    const { rows } = await this.pool.query('SELECT * FROM watches WHERE bucket = $1 ORDER BY id', [bucket]);
    return rows.map(toWatch);
  }

  async folderWatches(): Promise<Watch[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM watches WHERE source LIKE 'file:%' ORDER BY created_at, id`,
    );
    return rows.map(toWatch);
  }

  async rollingJobs(watchId: string, limit: number): Promise<RollingJobRef[]> {
    if (!isUuid(watchId)) return [];
    const { rows } = await this.pool.query(
      `SELECT id, watch_hour, status FROM jobs WHERE watch_id = $1 ORDER BY watch_hour DESC LIMIT $2`,
      [watchId, limit],
    );
    return rows.map((row) => ({ jobId: row.id, hour: row.watch_hour, status: row.status }));
  }

  addToRollingJob(
    watch: Watch,
    objects: readonly ArrivedObject[],
    options?: { resend?: boolean },
  ): Promise<RollingAdd> {
    return addToRollingJob(this.pool, watch, objects, options);
  }

  closeEndedRollingJobs(): Promise<string[]> {
    return closeEndedRollingJobs(this.pool);
  }
}
