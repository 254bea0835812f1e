import type { ObjectSource } from '../ports/object-source.ts';
import type { ScanEngine, SourceScan, SourceScanRequest } from '../ports/scan-engine.ts';
import { firstBytes } from '../sampling/object-sampler.ts';
import { rangeReader } from '../sources/range-reader.ts';
import { SourceError } from '../sources/source-error.ts';

/**
 * Opens one object of `source`, scans its bytes with `engine` (ranged reads of the same version
 * when the whole object is read) and closes it. Failures to open come back as `unopened` with the
 * source's code; anything else that fails is thrown.
 */
export async function scanFromSource(
  engine: Pick<ScanEngine, 'scanObject'>,
  source: ObjectSource,
  request: Omit<SourceScanRequest, 'source'>,
): Promise<SourceScan> {
  const { object, maxBytes } = request;
  let opened: Awaited<ReturnType<ObjectSource['read']>>;
  try {
    opened = await source.read(object);
  } catch (err) {
    if (err instanceof SourceError) {
      return { kind: 'unopened', code: err.code, message: err.message, retryable: err.retryable };
    }
    throw err;
  }
  try {
    const version = {
      ...object,
      etag: opened.etag ?? object.etag,
      versionId: opened.versionId ?? object.versionId,
    };
    // Random access would reach past a sample; formats that need it report what they could not read.
    const result =
      maxBytes !== undefined && opened.size > maxBytes
        ? await engine.scanObject(firstBytes(opened.stream, maxBytes), { name: object.key, size: maxBytes })
        : await engine.scanObject(opened.stream, {
            name: object.key,
            size: opened.size,
            random: rangeReader(source, version, opened.size),
          });
    return {
      kind: 'scanned',
      result,
      size: opened.size,
      ...(opened.etag === undefined ? {} : { etag: opened.etag }),
      ...(opened.versionId === undefined ? {} : { versionId: opened.versionId }),
    };
  } finally {
    opened.stream.destroy();
  }
}
