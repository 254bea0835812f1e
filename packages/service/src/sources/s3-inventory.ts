import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ObjectSource, SourceObject } from '../ports/object-source.ts';
import { excludeMatcher } from './exclude-matcher.ts';
import { SourceError } from './source-error.ts';

/** One data file of an S3 Inventory, as its manifest lists it. */
export interface InventoryFile {
  key: string;
  size: number;
}

/** What an S3 Inventory `manifest.json` says about the inventory's data files. */
export interface InventoryManifest {
  sourceBucket: string;
  fileFormat: 'CSV' | 'Parquet';
  /** The CSV columns, in order (`fileSchema`); empty for Parquet, whose files name their columns. */
  columns: string[];
  files: InventoryFile[];
}

/** Parses `s3://bucket/key` into its bucket and key. */
export function parseInventoryUri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(uri);
  if (!match) {
    throw new SourceError(
      'INVALID_SOURCE',
      `inventory ${uri} must be s3://inventory-bucket/.../manifest.json, the manifest of an S3 Inventory`,
    );
  }
  return { bucket: match[1] as string, key: match[2] as string };
}

/** Reads a manifest.json's text; every problem is named in one SourceError (not retryable). */
export function parseInventoryManifest(text: string, uri: string): InventoryManifest {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SourceError('INVALID_SOURCE', `inventory manifest ${uri} is not JSON`);
  }
  const problems: string[] = [];
  const sourceBucket = value?.sourceBucket;
  if (typeof sourceBucket !== 'string' || sourceBucket === '') problems.push('sourceBucket is missing');
  const format = value?.fileFormat;
  if (format !== 'CSV' && format !== 'Parquet') {
    problems.push(
      `fileFormat ${JSON.stringify(format)} is not read (configure the inventory as CSV or Parquet)`,
    );
  }
  const schema = value?.fileSchema;
  const columns =
    format === 'CSV' && typeof schema === 'string' ? schema.split(',').map((c) => c.trim()) : [];
  if (format === 'CSV' && !columns.includes('Key')) problems.push('fileSchema names no Key column');
  const files: InventoryFile[] = [];
  if (!Array.isArray(value?.files)) problems.push('files is missing');
  else {
    for (const [i, file] of (value.files as unknown[]).entries()) {
      const f = file as { key?: unknown; size?: unknown };
      if (typeof f?.key !== 'string' || f.key === '') problems.push(`files[${i}] has no key`);
      else files.push({ key: f.key, size: typeof f.size === 'number' ? f.size : 0 });
    }
  }
  if (problems.length > 0) {
    throw new SourceError('INVALID_SOURCE', `inventory manifest ${uri}: ${problems.join('; ')}`);
  }
  return { sourceBucket: sourceBucket as string, fileFormat: format as 'CSV' | 'Parquet', columns, files };
}

/** Reads the manifest at `uri` through `inventory` (a source on the inventory's bucket). */
export async function readInventoryManifest(
  inventory: ObjectSource,
  uri: string,
): Promise<InventoryManifest> {
  const { key } = parseInventoryUri(uri);
  const opened = await inventory.read({ key, size: 0 });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    // A manifest lists file names only; anything this large is not one.
    if (size > 64 * 1024 * 1024) {
      opened.stream.destroy();
      throw new SourceError('INVALID_SOURCE', `inventory manifest ${uri} is larger than 64 MiB`);
    }
    chunks.push(chunk);
  }
  return parseInventoryManifest(Buffer.concat(chunks).toString('utf8'), uri);
}

/** The fields of one CSV line (every field quoted, `""` inside a field for a quote). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        value += line.slice(i, quote);
        i = quote + 1;
        if (line[i] === '"') {
          value += '"';
          i++;
          continue;
        }
        break;
      }
      fields.push(value);
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/** An inventory row, whatever the format. */
interface InventoryRow {
  bucket?: string;
  key: string;
  versionId?: string;
  isLatest?: boolean;
  isDeleteMarker?: boolean;
  size?: number;
  lastModified?: Date;
  etag?: string;
}

const truthy = (v: unknown) => v === true || v === 'true';

async function* csvRows(stream: Readable, columns: string[], file: string): AsyncIterable<InventoryRow> {
  const at = (name: string) => columns.indexOf(name);
  const [bucket, key, version, latest, marker, size, modified, etag] = [
    'Bucket',
    'Key',
    'VersionId',
    'IsLatest',
    'IsDeleteMarker',
    'Size',
    'LastModifiedDate',
    'ETag',
  ].map(at) as number[];
  const lines = createInterface({ input: stream.pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line === '') continue;
    let f: string[];
    let name: string;
    try {
      f = csvFields(line);
      // CSV inventories URL-encode keys (form encoding: a space is '+', a plus '%2B').
      name = decodeURIComponent((f[key as number] ?? '').replace(/\+/g, ' '));
    } catch (err) {
      throw new SourceError('INVALID_SOURCE', `inventory file ${file} line ${n}: ${(err as Error).message}`);
    }
    const field = (i: number) => (i >= 0 && f[i] !== '' ? f[i] : undefined);
    const sizeField = field(size as number);
    const modifiedField = field(modified as number);
    yield {
      key: name,
      ...(field(bucket as number) === undefined ? {} : { bucket: field(bucket as number) }),
      ...(field(version as number) === undefined ? {} : { versionId: field(version as number) }),
      ...(field(latest as number) === undefined ? {} : { isLatest: truthy(field(latest as number)) }),
      ...(field(marker as number) === undefined ? {} : { isDeleteMarker: truthy(field(marker as number)) }),
      ...(sizeField === undefined ? {} : { size: Number(sizeField) }),
      ...(modifiedField === undefined ? {} : { lastModified: new Date(modifiedField) }),
      ...(field(etag as number) === undefined ? {} : { etag: field(etag as number) }),
    };
  }
}

const PARQUET_COLUMNS = [
  'bucket',
  'key',
  'version_id',
  'is_latest',
  'is_delete_marker',
  'size',
  'last_modified_date',
  'e_tag',
];
const PARQUET_ROWS_AT_ONCE = 10_000;

async function* parquetRows(inventory: ObjectSource, file: InventoryFile): AsyncIterable<InventoryRow> {
  const { parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet');
  let size = file.size;
  if (size === 0) {
    const opened = await inventory.read({ key: file.key, size: 0 });
    opened.stream.destroy();
    size = opened.size;
  }
  const buffer = {
    byteLength: size,
    slice: async (start: number, end?: number) => {
      const bytes = await inventory.readRange({ key: file.key, size }, start, end ?? size);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
  const metadata = await parquetMetadataAsync(buffer);
  const present = new Set(parquetSchema(metadata).children.map((c) => c.element.name));
  const columns = PARQUET_COLUMNS.filter((c) => present.has(c));
  if (!present.has('key'))
    throw new SourceError('INVALID_SOURCE', `inventory file ${file.key} has no key column`);
  const rows = Number(metadata.num_rows);
  for (let start = 0; start < rows; start += PARQUET_ROWS_AT_ONCE) {
    const chunk = await parquetReadObjects({
      file: buffer,
      metadata,
      columns,
      rowStart: start,
      rowEnd: Math.min(rows, start + PARQUET_ROWS_AT_ONCE),
    });
    for (const r of chunk) {
      const modified = r.last_modified_date;
      yield {
        key: String(r.key),
        ...(r.bucket == null ? {} : { bucket: String(r.bucket) }),
        ...(r.version_id == null ? {} : { versionId: String(r.version_id) }),
        ...(r.is_latest == null ? {} : { isLatest: truthy(r.is_latest) }),
        ...(r.is_delete_marker == null ? {} : { isDeleteMarker: truthy(r.is_delete_marker) }),
        ...(r.size == null ? {} : { size: Number(r.size) }),
        ...(modified == null
          ? {}
          : { lastModified: modified instanceof Date ? modified : new Date(Number(modified)) }),
        ...(r.e_tag == null ? {} : { etag: String(r.e_tag) }),
      };
    }
  }
}

/**
 * The objects one inventory data file lists under `bucket`/`prefix`: current versions only (no
 * delete markers, no noncurrent versions), no folder markers, `exclude` applied, as a listing of
 * the source would give them. CSV files are gzip; Parquet files are read by range, 10,000 rows at once.
 */
export async function* inventoryObjects(
  inventory: ObjectSource,
  file: InventoryFile,
  manifest: Pick<InventoryManifest, 'fileFormat' | 'columns'>,
  scope: { bucket: string; prefix: string; exclude?: string[] },
): AsyncIterable<SourceObject> {
  const excluded = excludeMatcher(scope.exclude);
  let rows: AsyncIterable<InventoryRow>;
  if (manifest.fileFormat === 'CSV') {
    const opened = await inventory.read({ key: file.key, size: file.size });
    rows = csvRows(opened.stream, manifest.columns, file.key);
  } else {
    rows = parquetRows(inventory, file);
  }
  try {
    for await (const row of rows) {
      if (row.bucket !== undefined && row.bucket !== scope.bucket) continue;
      if (row.isDeleteMarker || row.isLatest === false) continue;
      if (!row.key.startsWith(scope.prefix) || row.key.endsWith('/') || excluded(row.key)) continue;
      yield {
        key: row.key,
        size: row.size ?? 0,
        bucket: scope.bucket,
        ...(row.etag === undefined ? {} : { etag: row.etag }),
        ...(row.versionId === undefined ? {} : { versionId: row.versionId }),
        ...(row.lastModified === undefined || Number.isNaN(row.lastModified.getTime())
          ? {}
          : { lastModified: row.lastModified }),
      };
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError('READ_ERROR', `inventory file ${file.key}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** Every object of the manifest's data files in turn (see `inventoryObjects`): a whole listing, no ListObjectsV2. */
export async function* inventoryListing(
  inventory: ObjectSource,
  manifest: InventoryManifest,
  scope: { bucket: string; prefix: string; exclude?: string[] },
): AsyncIterable<SourceObject> {
  for (const file of manifest.files) yield* inventoryObjects(inventory, file, manifest, scope);
}
