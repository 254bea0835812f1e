import type { Job } from './job-store.ts';

/** A watched source (`POST /watches`): what arrives under it is scanned in a rolling job per hour. */
export interface Watch {
  id: string;
  tenantId: string;
  name: string | null;
  /** `s3://bucket/prefix` or `file:///abs/path`, normalised by the source policy. */
  source: string;
  detectors: string[] | null;
  exclude: string[];
  createdAt: Date;
}

/** What a client asks to watch; `source` already checked against the deployment's policy. */
export interface NewWatch {
  source: string;
  name?: string;
  detectors?: string[];
  exclude?: string[];
}

/** One object that arrived under a watched source (an S3 event or a changed local file). */
export interface ArrivedObject {
  /** S3 key, or the path relative to the watched folder. */
  key: string;
  size: number;
  bucket?: string;
  etag?: string;
  versionId?: string;
  /** Where the object lives (`s3://bucket/key` or the file's real path) and which version arrived. */
  identity?: { locator: string; version: string };
}

/** What adding arrived objects to a watch's rolling job did. */
export interface RollingAdd {
  /** The rolling jobs that hold the objects (the hour's, or the next one's for a new version of a key). */
  jobs: Job[];
  /** Shard messages to send: `(job, shard)` pairs whose objects are waiting to be scanned. */
  shards: { jobId: string; shard: number }[];
  /** Objects added; the others were already in the rolling job (a repeated event). */
  added: number;
}

/** A rolling job of a watch: one per hour in which something arrived. */
export interface RollingJobRef {
  jobId: string;
  /** Start of the hour (UTC). */
  hour: Date;
  status: Job['status'];
}

/** Watches and their rolling jobs. */
export interface WatchStore {
  create(tenantId: string, spec: NewWatch): Promise<Watch>;
  get(tenantId: string, id: string): Promise<Watch | undefined>;
  /** A watch by id, any tenant (the worker's intake). */
  byId(id: string): Promise<Watch | undefined>;
  list(
    tenantId: string,
    page: { limit: number; after?: { createdAt: string; id: string } },
  ): Promise<{ items: Watch[]; next: { createdAt: string; id: string } | null }>;
  /** Deletes a watch; its rolling jobs and their findings are kept. False when there was none. */
  delete(tenantId: string, id: string): Promise<boolean>;
  /** Every tenant's watches of `s3://bucket/...` (S3 events name a bucket, not a tenant). */
  watchesOfBucket(bucket: string): Promise<Watch[]>;
  /** Every tenant's `file://` watches (followed by the scheduler role). */
  folderWatches(): Promise<Watch[]>;
  /** The watch's most recent rolling jobs, newest first. */
  rollingJobs(watchId: string, limit: number): Promise<RollingJobRef[]>;
  /**
   * Adds objects to the watch's rolling job of the current hour (created on first use) in one
   * transaction. A key already in that job with the same version adds nothing; `resend` also
   * returns the shards of such objects still waiting (a redelivered intake whose send failed).
   */
  addToRollingJob(
    watch: Watch,
    objects: readonly ArrivedObject[],
    options?: { resend?: boolean },
  ): Promise<RollingAdd>;
  /** Closes the rolling jobs whose hour is over (listing → scanning; finished once their objects are). */
  closeEndedRollingJobs(): Promise<string[]>;
}
