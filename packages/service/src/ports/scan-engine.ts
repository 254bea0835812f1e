import type { Readable } from 'node:stream';
import type { ObjectScanResult, RandomAccess } from '@data-scanner/detect';
import type { SourceErrorCode } from '../sources/source-error.ts';
import type { SourceObject } from './object-source.ts';

/** One object of a source, named by reference, for an engine that reads it where it scans it. */
export interface SourceScanRequest {
  /** The source's URI as `ObjectSource.uri` gives it. */
  source: string;
  object: SourceObject;
  /** Read at most this many bytes (`sample.max_bytes_per_object`). @default - the whole object */
  maxBytes?: number;
}

/**
 * What reading and scanning one object came to: scanned (with the size, etag and version id of
 * what was read), or not opened, with the source's error code; a `retryable` failure is worth
 * another delivery, any other is the object's FAILED outcome.
 */
export type SourceScan =
  | { kind: 'scanned'; result: ObjectScanResult; size: number; etag?: string; versionId?: string }
  | { kind: 'unopened'; code: SourceErrorCode; message: string; retryable: boolean };

/** The detection engine as the worker uses it (`Scanner` from `@data-scanner/detect`). */
export interface ScanEngine {
  /** The limits it scans with; the worker records the aggregate threshold on the job. @default - unknown */
  readonly limits?: { readonly aggregateThreshold: number };
  /** `object.random` gives ranged reads of the same object (Parquet reads only what it needs). */
  scanObject(
    stream: Readable,
    object: { name: string; size: number; random?: RandomAccess },
  ): Promise<ObjectScanResult>;
  /**
   * Opens, reads and scans one object itself (scan threads reading their own objects, so the
   * calling thread only hands out references). @default - absent: the caller reads and calls `scanObject`
   */
  scanFromSource?(request: SourceScanRequest): Promise<SourceScan>;
}
