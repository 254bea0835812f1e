import type { Readable } from 'node:stream';

/** One object as a source lists it. */
export interface SourceObject {
  /** Key relative to the source root (S3 key, or path relative to the scanned folder). */
  key: string;
  size: number;
  etag?: string;
  versionId?: string;
  lastModified?: Date;
  /** S3 bucket, when the source is S3. */
  bucket?: string;
  /** Inode number of a local file (with size and mtime, its identity for incremental scans). */
  inode?: number;
  /**
   * Where the object lives independently of the scanned prefix (a local file's real path).
   * @default - `s3://bucket/key` for S3 objects
   */
  locator?: string;
  /**
   * Set when the listing found an entry it will not read (a FIFO, a symlink leaving the roots, a
   * folder it cannot open): report it with this outcome and never open it. @default - absent: scan it
   */
  unscannable?: UnscannableEntry;
}

/** Why a listed entry is not read: SKIPPED by design or FAILED, with a stable reason code. */
export interface UnscannableEntry {
  status: 'SKIPPED' | 'FAILED';
  reason:
    | 'NOT_REGULAR_FILE'
    | 'OUTSIDE_ROOT'
    | 'BROKEN_SYMLINK'
    | 'ACCESS_DENIED'
    | 'NOT_FOUND'
    | 'READ_ERROR';
  detail: string;
}

/** An object opened for reading, with the metadata of the exact version being read. */
export interface OpenedObject {
  stream: Readable;
  size: number;
  etag?: string;
  versionId?: string;
}

/** Where objects come from: an S3 bucket/prefix or a folder under an allowed root. */
export interface ObjectSource {
  /** The normalised source URI (`s3://bucket/prefix` or `file:///abs/path`). */
  readonly uri: string;
  /** Lists every object under the source, page by page, honouring `exclude` globs. */
  list(options?: { exclude?: string[]; signal?: AbortSignal }): AsyncIterable<SourceObject>;
  /**
   * Lists one level under the source (S3 `Delimiter: '/'`): the objects directly under it and the
   * prefixes below it, so each prefix can be listed by another worker (`s3://bucket/<prefix>`).
   * @default - absent: the source is listed whole
   */
  listLevel?(options?: {
    exclude?: string[];
    signal?: AbortSignal;
  }): AsyncIterable<SourceObject | { prefix: string }>;
  /** Streams one object's bytes and reports the etag / version id of what is being read. */
  read(object: SourceObject, options?: { signal?: AbortSignal }): Promise<OpenedObject>;
  /**
   * Bytes `[start, end)` of one object (S3 `Range`, file offsets), for formats that read by
   * range (Parquet's footer, then its column chunks). Pass the etag and version id `read`
   * reported, so every range comes from the version being scanned.
   */
  readRange(
    object: SourceObject,
    start: number,
    end: number,
    options?: { signal?: AbortSignal },
  ): Promise<Uint8Array>;
}
