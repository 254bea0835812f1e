import type { Finding, FindingAggregate, ObjectScanResult } from '@data-scanner/detect';
import type { ObjectIdentity } from '../incremental/object-identity.ts';
import type { ScanCoverage } from '../incremental/scan-coverage.ts';
import type { SourceObject } from './object-source.ts';

/** Job lifecycle: queued → listing → scanning → succeeded | partial | failed | cancelled. */
export const JOB_STATUSES = [
  'queued',
  'listing',
  'scanning',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses a job never leaves. */
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'partial', 'failed', 'cancelled'];

/** Whether a job in `status` has ended (succeeded, partial, failed or cancelled). */
export const isFinalStatus = (status: string): boolean =>
  (FINAL_JOB_STATUSES as readonly string[]).includes(status);

/** Final status of one object of a job (PENDING until a worker records it). */
export const JOB_OBJECT_STATUSES = ['PENDING', 'COMPLETE', 'PARTIAL', 'SKIPPED', 'FAILED'] as const;
export type JobObjectStatus = (typeof JOB_OBJECT_STATUSES)[number];

/** A scan job and its progress counters. */
export interface Job {
  id: string;
  tenantId: string;
  name: string | null;
  source: string;
  detectors: string[] | null;
  /**
   * Specs of the tenant's custom detectors the job runs (`/detectors`), copied when it was
   * created; the engine compiles them beside the built-ins it names. Null: none.
   */
  customDetectors: unknown[] | null;
  exclude: string[];
  status: JobStatus;
  statusReason: string | null;
  shardsTotal: number | null;
  objectsTotal: number | null;
  objectsDone: number;
  objectsComplete: number;
  objectsPartial: number;
  objectsSkipped: number;
  objectsFailed: number;
  bytesTotal: number | null;
  bytesScanned: number;
  /** Every match: findings stored one by one plus those counted in aggregates. */
  findingsCount: number;
  /** The part of `findingsCount` counted in aggregates rather than stored one by one. */
  findingsAggregated: number;
  /** The aggregate threshold the worker scanned with; null until an object is recorded. */
  aggregateThreshold: number | null;
  /** Skip objects unchanged since a complete scan that covered this job's detectors and engine. */
  incremental: boolean;
  /** Id of the engine and detector hashes the job scans with (`coverageId`); set when it is planned. */
  scanCoverageId: string | null;
  /** Objects an incremental job skipped as unchanged (not part of `objectsTotal`). */
  objectsUnchanged: number;
  budget: JobBudget | null;
  /** Set once an object was refused by the budget: the job ends PARTIAL with reason BUDGET_EXCEEDED. */
  budgetExceeded: boolean;
  sample: JobSample | null;
  /** Objects the sample left out (not part of `objectsTotal`). */
  objectsSampledOut: number;
  /** The S3 Inventory manifest.json the job lists from instead of ListObjectsV2; null to list the source. */
  inventory: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What a client asks to scan. */
export interface NewJob {
  tenantId: string;
  source: string;
  name?: string;
  detectors?: string[];
  exclude?: string[];
  /** @default false */
  incremental?: boolean;
  /** @default - none */
  budget?: JobBudget;
  /** @default - the whole source */
  sample?: JobSample;
  /** `s3://bucket/.../manifest.json` of an S3 Inventory of the source. @default - list the source */
  inventory?: string;
}

/**
 * One part of a job's listing, listed by its own queue message: the plan message itself (`root`,
 * part 0), one prefix of an S3 source (`prefix`, `ref` the prefix), or one data file of an S3
 * Inventory (`inventory`, `ref` the file's key, `format` CSV or Parquet).
 */
export interface ListingPart {
  part: number;
  kind: 'root' | 'prefix' | 'inventory';
  ref: string;
  format?: string;
}

/** A registered listing part: the shards it reserved so far and whether it is done. */
export interface ListingPartState extends ListingPart {
  shards: number[];
  done: boolean;
}

/** Whether finishing a listing part ended the job's listing, and the job's status after it. */
export interface PartFinished {
  /** True for the write that finished the last part (exactly once per job). */
  last: boolean;
  status?: JobStatus;
}

/** Limits after which a job stops PARTIAL with reason BUDGET_EXCEEDED. */
export interface JobBudget {
  max_bytes?: number;
  max_objects?: number;
  max_cost_usd?: number;
}

/** Status reason of a job its budget stopped, and reason of the objects it left SKIPPED. */
export const BUDGET_EXCEEDED = 'BUDGET_EXCEEDED';

/** Reason of an object the sample's `max_bytes_per_object` cut short (status PARTIAL). */
export const SAMPLE_TRUNCATED = 'SAMPLE_TRUNCATED';

/** Objects a plan left out, so far. */
export interface PlanCounts {
  unchanged: number;
  sampledOut: number;
}

/** USD per object and per byte (a linear cost model) for `max_cost_usd`. */
export interface BudgetRates {
  usdPerObject: number;
  usdPerByte: number;
}

/** Which part of the source a sampled job scans. */
export interface JobSample {
  fraction?: number;
  max_objects_per_prefix?: number;
  max_bytes_per_object?: number;
}

/** A listed object assigned to a shard at plan time. */
export interface PlannedObject extends SourceObject {
  shard: number;
  /** Location and version compared by incremental scans. @default - none: never skipped */
  identity?: ObjectIdentity;
}

/** Per-object status as stored. */
export interface JobObject {
  key: string;
  bucket: string | null;
  shard: number;
  size: number;
  etag: string | null;
  versionId: string | null;
  status: JobObjectStatus;
  reason: string | null;
  reasonDetail: string | null;
  bytesScanned: number | null;
  /** Every match of the object, aggregated ones included. */
  findingsCount: number;
  findingsAggregated: number;
}

/** The outcome of one object, written with its findings in one transaction. */
export interface ObjectOutcome {
  key: string;
  /** Metadata of the exact version read (GetObject's etag / version id). */
  etag?: string;
  versionId?: string;
  status: Exclude<JobObjectStatus, 'PENDING'>;
  reason?: string;
  reasonDetail?: string;
  result?: Pick<ObjectScanResult, 'bytes_read' | 'bytes_scanned'>;
  findings: Finding[];
  /** Matches counted per detector and field past the threshold (exact counts). @default none */
  aggregates?: FindingAggregate[];
  /** The engine's aggregate threshold, recorded on the job so every output can state it. */
  aggregateThreshold?: number;
}

/** What recording an object changed. */
export interface RecordOutcome {
  /**
   * False when nothing was written: the object had already been recorded (a redelivery), or its job
   * had ended (cancelled, failed), in which case the object stays PENDING.
   */
  recorded: boolean;
  /** Set when this write finished the job (happens exactly once per job). */
  finished?: JobStatus;
}

/** Jobs, their objects and findings. Every write that must not be duplicated is idempotent. */
export interface JobStore {
  createJob(job: NewJob): Promise<Job>;
  /** A job by id; with `tenantId`, only that tenant's job. */
  getJob(id: string, tenantId?: string): Promise<Job | undefined>;
  /** queued → listing; false if the job is no longer queued or listing (cancelled, finished). */
  startListing(jobId: string): Promise<boolean>;
  /** Stores listed objects as PENDING; objects already stored are kept as they are. */
  addObjects(jobId: string, objects: PlannedObject[]): Promise<void>;
  /** Records the engine and detectors the job scans with (objects scanned COMPLETE keep them as their state). */
  setCoverage(jobId: string, coverage: ScanCoverage): Promise<void>;
  /**
   * Of `candidates`, the locators whose last complete scan had the same identity and covered the
   * job's coverage (same engine, every detector with the same definition).
   */
  unchangedObjects(jobId: string, candidates: readonly ObjectIdentity[]): Promise<Set<string>>;
  /**
   * Sets the job's counts of objects left out while planning: unchanged (incremental) and sampled
   * out. Absolute, so a re-planned job counts each object once.
   */
  setPlanCounts(jobId: string, counts: PlanCounts): Promise<void>;
  /**
   * Counts an object of `size` bytes against the job's budget before it is read; false (and the job
   * marked over budget) when starting it would pass `max_objects`, `max_bytes` or `max_cost_usd`
   * (priced with `rates`). Always true for a job without a budget.
   */
  reserveBudget(jobId: string, size: number, rates: BudgetRates): Promise<boolean>;
  /**
   * Records the shard's PENDING objects SKIPPED with `reason` in one write (a stopped budget);
   * finishes the job once when nothing is left.
   */
  skipPending(jobId: string, shard: number, reason: string, detail: string): Promise<RecordOutcome>;
  /** listing → scanning with the totals; finishes the job at once when it has no objects left. */
  finishListing(
    jobId: string,
    totals: { shards: number; objects: number; bytes: number },
  ): Promise<JobStatus | undefined>;
  /** Registers listing parts (a redelivered plan registers the same ones again: kept as they are). */
  addListingParts(jobId: string, parts: readonly ListingPart[]): Promise<void>;
  /** One listing part, the shard numbers it reserved, and whether it is done; undefined if never registered. */
  listingPart(jobId: string, part: number): Promise<ListingPartState | undefined>;
  /** Reserves `count` shard numbers for a part (job-wide, never reused) and records them on it; returns the first. */
  allocateShards(jobId: string, part: number, count: number): Promise<number>;
  /** `setPlanCounts` for one part: the job's counts become the sums over its parts. */
  setPartCounts(jobId: string, part: number, counts: PlanCounts): Promise<void>;
  /**
   * Marks a part done; when it was the last one, the job goes listing → scanning with its objects
   * and bytes counted from what was stored (finishing at once when nothing is left to scan).
   */
  finishListingPart(jobId: string, part: number): Promise<PartFinished>;
  /** PENDING objects of one shard. */
  pendingObjects(jobId: string, shard: number): Promise<JobObject[]>;
  /**
   * Writes one object's status, findings and counters in one transaction; completes the job once.
   * Writes nothing once the job has ended.
   */
  recordObject(jobId: string, outcome: ObjectOutcome): Promise<RecordOutcome>;
  /** Moves a job that has not finished to `failed` with a reason (writes an outbox event). */
  failJob(jobId: string, reason: string): Promise<boolean>;
  /** Moves a job that has not finished to `cancelled` (writes an outbox event). */
  cancelJob(jobId: string, tenantId?: string): Promise<boolean>;
  /** Current status only (cheap check between objects). */
  jobStatus(jobId: string): Promise<JobStatus | undefined>;
  listObjects(jobId: string, options?: { status?: JobObjectStatus; limit?: number }): Promise<JobObject[]>;
}
