import type { Readable } from 'node:stream';
import type { ObjectScanResult } from '@data-scanner/detect';

/** The detection engine as the worker uses it (`Scanner` from `@data-scanner/detect`). */
export interface ScanEngine {
  scanObject(stream: Readable, object: { name: string; size: number }): Promise<ObjectScanResult>;
}
