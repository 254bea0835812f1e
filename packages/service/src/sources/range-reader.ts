import type { RandomAccess } from '@data-scanner/detect';
import type { ObjectSource, SourceObject } from '../ports/object-source.ts';

/**
 * Random access to one object through its source's ranged reads, in the shape the scanner
 * takes (`ObjectMeta.random`). `object` should carry the etag and version id that `read`
 * reported, so every range comes from the version being scanned.
 */
export function rangeReader(source: ObjectSource, object: SourceObject, size: number): RandomAccess {
  return { size, read: (start, end) => source.readRange(object, start, Math.min(end, size)) };
}
