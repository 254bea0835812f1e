import type { ScanSpec } from '../jobs/submit-job.ts';
import type { StoredKey } from '../keys/key-store.ts';
import type { JobObjectStatus, JobStatus } from '../ports/job-store.ts';
import type { AggregateView } from '../views/aggregate-schemas.ts';
import type { FindingView, JobObjectView, JobView } from '../views/schemas.ts';
import type { JobDetail } from './job-view-cache.ts';

/** Who is calling: every query the API makes is scoped to `tenantId`. */
export interface Principal {
  tenantId: string;
  via: 'api-key' | 'jwt';
  /** Who it is, as state changes record it: the API key's name (else its prefix) or the JWT subject. */
  actor: string;
}

/** Keyset position: the sort key of the last row of the previous page. */
export interface PageRequest<K> {
  limit: number;
  after?: K;
}

/** One page and the key to continue after it (null on the last page). */
export interface Page<T, K> {
  items: T[];
  next: K | null;
}

/** A page of `GET /results`; `jobEnded` when the read saw the job in a final status (its findings all recorded). */
export interface FindingPage extends Page<FindingView, ResultsKey> {
  jobEnded: boolean;
}

/** Filters of `GET /results`: `object` is a key prefix. */
export interface ResultsFilter {
  jobId: string;
  detector?: string;
  severity?: string;
  category?: string;
  object?: string;
}

/** Orders of `GET /results`: insertion, most severe first, or by object key (each then insertion). */
export const RESULTS_SORTS = ['seq', 'severity', 'object'] as const;
export type ResultsSort = (typeof RESULTS_SORTS)[number];

/** Keyset position of `GET /results`: `seq`, `[severity index, seq]` or `[object key, seq]`. */
export type ResultsKey = string | [number | string, string];

export interface JobKey {
  createdAt: string;
  id: string;
}

/** Result of submitting a scan; `replayed` when an `Idempotency-Key` matched an earlier request. */
export interface SubmitResult {
  job: JobView;
  replayed: boolean;
}

/**
 * The API's view of the database: reads scoped to a tenant plus the one write path (submit/cancel).
 * Implemented over PostgreSQL by `PgApiStore`.
 */
export interface ApiStore {
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  /** Unrevoked API keys whose public prefix is `prefix`: their id, tenant and stored sha-256 hash (hex). */
  apiKeysByPrefix(prefix: string): Promise<StoredKey[]>;
  /** Sets `last_used_at` of these keys to now, skipping keys already marked within the last minute. */
  touchApiKeys(ids: readonly string[]): Promise<void>;
  /** The tenant id for a tenant name (JWT claims carry names), or null. */
  tenantByName(name: string): Promise<string | null>;
  /**
   * Creates a job and enqueues its plan. With `idempotencyKey`, a retry with the same key and the same
   * `requestHash` returns the first job; the same key with a different body throws `IdempotencyConflict`.
   */
  submitScan(
    tenantId: string,
    spec: ScanSpec,
    idempotency?: { key: string; requestHash: string },
  ): Promise<SubmitResult>;
  getJob(tenantId: string, jobId: string): Promise<JobView | null>;
  /** The job with its matches counted by severity, category and detector, in one statement; null when not the tenant's. */
  getJobDetail(tenantId: string, jobId: string): Promise<JobDetail | null>;
  listJobs(
    tenantId: string,
    filter: { status?: JobStatus },
    page: PageRequest<JobKey>,
  ): Promise<Page<JobView, JobKey>>;
  /** Requests cancellation; returns the job afterwards, or null when it is not the tenant's. */
  cancelJob(tenantId: string, jobId: string): Promise<JobView | null>;
  /** Aggregates (exact counts of folded personal data) of one job in insertion order; null when the job is not the tenant's. */
  listAggregates(
    tenantId: string,
    jobId: string,
    page: PageRequest<string>,
  ): Promise<Page<AggregateView, string> | null>;
  /** Findings of one job in `sort` order (default: insertion); null when the job is not the tenant's. */
  listFindings(
    tenantId: string,
    filter: ResultsFilter,
    page: PageRequest<ResultsKey>,
    sort?: ResultsSort,
  ): Promise<FindingPage | null>;
  /** Objects of one job in key order; null when the job is not the tenant's. */
  listObjects(
    tenantId: string,
    filter: { jobId: string; status?: JobObjectStatus },
    page: PageRequest<string>,
  ): Promise<Page<JobObjectView, string> | null>;
}

/** Thrown by `submitScan` when an idempotency key is reused with a different request. */
export class IdempotencyConflict extends Error {
  /** `jobId` null: a request with the same key is still being processed. */
  constructor(readonly jobId: string | null) {
    super(
      jobId
        ? 'Idempotency-Key was already used with a different request'
        : 'A request with this Idempotency-Key is still in progress; retry shortly',
    );
    this.name = 'IdempotencyConflict';
  }
}
