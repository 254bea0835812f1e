import type { Readable } from 'node:stream';
import type { ObjectScanResult, RandomAccess } from '@data-scanner/detect';

/** The detection engine as the worker uses it (`Scanner` from `@data-scanner/detect`). */
export interface ScanEngine {
  /** The limits it scans with; the worker records the aggregate threshold on the job. @default - unknown */
  readonly limits?: { readonly aggregateThreshold: number };
  /** `object.random` gives ranged reads of the same object (Parquet reads only what it needs). */
  scanObject(
    stream: Readable,
    object: { name: string; size: number; random?: RandomAccess },
  ): Promise<ObjectScanResult>;
}
