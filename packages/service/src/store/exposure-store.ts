import type pg from 'pg';
import type { Severity } from '../severity.ts';
import { isUuid } from '../uuid.ts';
import type { ExposureSort, ExposureState } from '../views/exposure-schemas.ts';
import {
  EXPOSURE_COLUMNS,
  type ExposureRow,
  type HistoryRow,
  type OccurrenceRow,
} from '../views/exposure-views.ts';
import { FINDING_COLUMNS } from './finding-rows.ts';

/** Filters of `GET /findings`; each one given becomes a condition. */
export interface ExposureFilter {
  state?: ExposureState;
  severity?: Severity;
  category?: string;
  detector?: string;
  source?: string;
  /** Object key prefix of an occurrence. */
  object?: string;
  firstSeenAfter?: string;
  job?: string;
}

/** A keyset position: the sort values of the last row of a page, then its id. */
export type ExposureKey = (string | number)[];

/** Checks a decoded cursor value for `sort`. */
export function isExposureKey(sort: ExposureSort, v: unknown): v is ExposureKey {
  if (!Array.isArray(v) || v.length !== SORTS[sort.replace('-', '') as SortName].columns.length) return false;
  const id = v.at(-1);
  return (
    typeof id === 'string' &&
    isUuid(id) &&
    v.slice(0, -1).every((x) => (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'string')
  );
}

type SortName = 'severity' | 'lastSeen' | 'firstSeen' | 'count';

/** The columns each order sorts by, the id last; `key` reads the same values from a row. */
const SORTS: Record<SortName, { columns: string[]; casts: string[]; key: (r: ExposureRow) => ExposureKey }> =
  {
    severity: {
      columns: ['e.severity_rank', 'e.last_seen_at', 'e.id'],
      casts: ['smallint', 'timestamptz', 'uuid'],
      key: (r) => [r.severity_rank, r.last_seen_key, r.id],
    },
    lastSeen: {
      columns: ['e.last_seen_at', 'e.id'],
      casts: ['timestamptz', 'uuid'],
      key: (r) => [r.last_seen_key, r.id],
    },
    firstSeen: {
      columns: ['e.first_seen_at', 'e.id'],
      casts: ['timestamptz', 'uuid'],
      key: (r) => [r.first_seen_key, r.id],
    },
    count: {
      columns: ['e.occurrence_count', 'e.id'],
      casts: ['bigint', 'uuid'],
      key: (r) => [Number(r.occurrence_count), r.id],
    },
  };
/** The last character of Unicode: every key starting with `p` sorts before `p` followed by it (C order). */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

/** A `LIKE`-free object prefix condition on `column` that a "C" collated index can serve. */
export function prefixCondition(column: string, param: number): string {
  return `(${column} COLLATE "C" >= $${param} AND ${column} COLLATE "C" < $${param} || '${MAX_CHAR}' AND starts_with(${column}, $${param}))`;
}

/** A page of exposures and the key to continue after it. */
export interface ExposurePage {
  rows: ExposureRow[];
  next: ExposureKey | null;
}

/** A page of occurrences: `next` is `[kind, seq]` of the last one. */
export interface OccurrencePage {
  rows: OccurrenceRow[];
  next: [string, string] | null;
}

/** Reads exposures (`GET /findings`, `GET /findings/{id}`), always within one tenant. */
export class PgExposureStore {
  constructor(private readonly pool: pg.Pool) {}

  /** One page of the tenant's exposures, filtered and sorted, after `after`. */
  async list(
    tenantId: string,
    filter: ExposureFilter,
    sort: ExposureSort,
    page: { limit: number; after?: ExposureKey },
  ): Promise<ExposurePage> {
    const descending = sort.startsWith('-');
    const order = SORTS[sort.replace('-', '') as SortName];
    const params: unknown[] = [tenantId];
    const where = ['e.tenant_id = $1'];
    const add = (value: unknown, condition: (n: number) => string) => {
      params.push(value);
      where.push(condition(params.length));
    };
    if (filter.state) add(filter.state, (n) => `e.state = $${n}`);
    if (filter.severity) add(filter.severity, (n) => `e.severity = $${n}`);
    if (filter.category) add(filter.category, (n) => `e.category = $${n}`);
    if (filter.detector) add(filter.detector, (n) => `e.detector = $${n}`);
    if (filter.source) add(filter.source, (n) => `$${n} = ANY (e.sources)`);
    if (filter.firstSeenAfter) add(filter.firstSeenAfter, (n) => `e.first_seen_at > $${n}::timestamptz`);
    if (filter.job) {
      add(
        filter.job,
        (n) => `e.id IN (SELECT exposure_id FROM exposure_sightings WHERE job_id = $${n}::uuid)`,
      );
    }
    if (filter.object !== undefined) {
      add(
        filter.object,
        (n) =>
          `e.id IN (SELECT o.id FROM exposures o WHERE o.tenant_id = $1 AND ${prefixCondition('o.object_key', n)}
            UNION SELECT f.exposure_id FROM findings f WHERE f.tenant_id = $1 AND ${prefixCondition('f.object_key', n)})`,
      );
    }
    if (page.after) {
      const first = params.length + 1;
      params.push(...page.after);
      const values = order.casts.map((cast, i) => `$${first + i}::${cast}`);
      where.push(`(${order.columns.join(', ')}) ${descending ? '<' : '>'} (${values.join(', ')})`);
    }
    params.push(page.limit + 1);
    const direction = descending ? 'DESC' : 'ASC';
    const { rows } = await this.pool.query<ExposureRow>(
      `SELECT ${EXPOSURE_COLUMNS} FROM exposures e WHERE ${where.join(' AND ')}
       ORDER BY ${order.columns.map((c) => `${c} ${direction}`).join(', ')} LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return { rows: items, next: rows.length > page.limit && last ? order.key(last) : null };
  }

  /** One exposure of the tenant, or null. */
  async get(tenantId: string, id: string): Promise<ExposureRow | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.pool.query<ExposureRow>(
      `SELECT ${EXPOSURE_COLUMNS} FROM exposures e WHERE e.id = $1 AND e.tenant_id = $2`,
      [id, tenantId],
    );
    return rows[0] ?? null;
  }

  /** The exposure's state changes, newest first (at most `limit`). */
  async history(exposureId: string, limit = 200): Promise<HistoryRow[]> {
    const { rows } = await this.pool.query<HistoryRow>(
      `SELECT at, actor, from_state, to_state, note, job_id FROM exposure_history
       WHERE exposure_id = $1 ORDER BY id DESC LIMIT $2`,
      [exposureId, limit],
    );
    return rows;
  }

  /**
   * The exposure's occurrences, newest first: its aggregates, then its findings (each by `seq`
   * descending), optionally of one job. The caller has checked the exposure is the tenant's.
   */
  async occurrences(
    exposureId: string,
    options: { limit: number; after?: [string, string]; job?: string },
  ): Promise<OccurrencePage> {
    const rows: OccurrenceRow[] = [];
    const after = options.after;
    const job = options.job ?? null;
    if (!after || after[0] === 'aggregate') {
      const { rows: aggregates } = await this.pool.query<OccurrenceRow>(
        `SELECT 'aggregate' AS occurrence, id, seq, job_id, bucket, object_key, version_id, etag, field, match_count,
           samples, created_at
         FROM finding_aggregates WHERE exposure_id = $1 AND ($2::bigint IS NULL OR seq < $2)
           AND ($3::uuid IS NULL OR job_id = $3)
         ORDER BY seq DESC LIMIT $4`,
        [exposureId, after?.[1] ?? null, job, options.limit + 1],
      );
      rows.push(...aggregates);
    }
    if (rows.length <= options.limit) {
      const findingsAfter = after?.[0] === 'finding' ? after[1] : null;
      const { rows: findings } = await this.pool.query<OccurrenceRow>(
        `SELECT 'finding' AS occurrence, ${FINDING_COLUMNS}, created_at FROM findings
         WHERE exposure_id = $1 AND ($2::bigint IS NULL OR seq < $2) AND ($3::uuid IS NULL OR job_id = $3)
         ORDER BY seq DESC LIMIT $4`,
        [exposureId, findingsAfter, job, options.limit + 1 - rows.length],
      );
      rows.push(...findings);
    }
    const items = rows.slice(0, options.limit);
    const last = items.at(-1);
    return {
      rows: items,
      next: rows.length > options.limit && last ? [last.occurrence, String(last.seq)] : null,
    };
  }
}
