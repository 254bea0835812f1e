import type { Readable } from 'node:stream';

/**
 * Where the PDF report of each finished job is kept: one document per (tenant, job). Both ids are
 * UUIDs; adapters build names from them only, so no caller-supplied text reaches a path or key.
 */
export interface ReportStore {
  /** Whether the report of the job is stored. */
  has(tenantId: string, jobId: string): Promise<boolean>;
  /** Stores (or replaces) the report; readers see the whole document or none of it. */
  put(tenantId: string, jobId: string, pdf: Uint8Array): Promise<void>;
  /** The stored report as a byte stream, or null when there is none. */
  open(tenantId: string, jobId: string): Promise<Readable | null>;
  /**
   * A short-lived URL a client can GET the report from, for stores that serve downloads
   * themselves (S3). Absent on stores that only stream.
   */
  presignedUrl?(tenantId: string, jobId: string, filename: string): Promise<string>;
}
