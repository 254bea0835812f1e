import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { ObjectSource, OpenedObject, SourceObject } from '../ports/object-source.ts';
import { excludeMatcher } from './exclude-matcher.ts';
import { SourceError } from './source-error.ts';

/** How to reach S3 (or an S3-compatible endpoint such as s3rver or MinIO). */
export interface S3SourceOptions {
  region?: string;
  /** Custom endpoint, e.g. `http://127.0.0.1:4569`. Path-style addressing is used with it. */
  endpoint?: string;
  /** @default true when `endpoint` is set, false otherwise */
  forcePathStyle?: boolean;
  credentials?: S3ClientConfig['credentials'];
  /** Objects listed per ListObjectsV2 page. @default 1000 */
  pageSize?: number;
  /** A ready client; the options above are then ignored. */
  client?: S3Client;
}

/** Parses `s3://bucket/prefix` into its bucket and prefix. */
export function parseS3Uri(uri: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
  const bucket = match?.[1];
  if (!bucket || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new SourceError('INVALID_SOURCE', `source ${uri} is not a valid s3://bucket/prefix URI`);
  }
  return { bucket, prefix: match?.[2] ?? '' };
}

/** Builds an S3 client with checksums only when required (s3rver and other emulators need this). */
export function createS3Client(options: S3SourceOptions = {}): S3Client {
  if (options.client) return options.client;
  return new S3Client({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function s3Error(err: unknown, what: string): SourceError {
  if (err instanceof S3ServiceException) {
    const status = err.$metadata.httpStatusCode;
    if (
      err.name === 'NoSuchKey' ||
      err.name === 'NotFound' ||
      err.name === 'NoSuchBucket' ||
      status === 404
    ) {
      return new SourceError('NOT_FOUND', `${what} does not exist`);
    }
    if (err.name === 'AccessDenied' || status === 403) {
      return new SourceError('ACCESS_DENIED', `${what}: access denied`);
    }
    return new SourceError('READ_ERROR', `${what}: ${err.name}`, { cause: err, retryable: true });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new SourceError('READ_ERROR', `${what}: ${message}`, { cause: err, retryable: true });
}

function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, '');
}

/** An S3 bucket and prefix: paginated listing, streamed reads, etag and version id recorded. */
export class S3Source implements ObjectSource {
  readonly uri: string;
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;
  private readonly pageSize: number;

  constructor(uri: string, options: S3SourceOptions = {}) {
    const { bucket, prefix } = parseS3Uri(uri);
    this.bucket = bucket;
    this.prefix = prefix;
    this.uri = `s3://${bucket}/${prefix}`;
    this.client = createS3Client(options);
    this.pageSize = options.pageSize ?? 1000;
  }

  async *list(options: { exclude?: string[]; signal?: AbortSignal } = {}): AsyncIterable<SourceObject> {
    for await (const entry of this.pages(options, undefined)) if (!('prefix' in entry)) yield entry;
  }

  async *listLevel(
    options: { exclude?: string[]; signal?: AbortSignal } = {},
  ): AsyncIterable<SourceObject | { prefix: string }> {
    yield* this.pages(options, '/');
  }

  private async *pages(
    options: { exclude?: string[]; signal?: AbortSignal },
    delimiter: string | undefined,
  ): AsyncIterable<SourceObject | { prefix: string }> {
    const excluded = excludeMatcher(options.exclude);
    const pages = paginateListObjectsV2(
      { client: this.client, pageSize: this.pageSize },
      { Bucket: this.bucket, Prefix: this.prefix || undefined, Delimiter: delimiter },
    );
    try {
      for await (const page of pages) {
        options.signal?.throwIfAborted();
        for (const common of page.CommonPrefixes ?? []) if (common.Prefix) yield { prefix: common.Prefix };
        for (const item of page.Contents ?? []) {
          if (!item.Key || item.Key.endsWith('/')) continue;
          if (excluded(item.Key)) continue;
          yield {
            key: item.Key,
            size: item.Size ?? 0,
            etag: unquote(item.ETag),
            lastModified: item.LastModified,
            bucket: this.bucket,
          };
        }
      }
    } catch (err) {
      if (err instanceof SourceError || (err as Error).name === 'AbortError') throw err;
      throw s3Error(err, `listing ${this.uri}`);
    }
  }

  /** Current metadata of one object (size, etag, version); not part of `ObjectSource`. */
  async head(key: string): Promise<SourceObject> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: out.ContentLength ?? 0,
        etag: unquote(out.ETag),
        versionId: out.VersionId,
        lastModified: out.LastModified,
        bucket: this.bucket,
      };
    } catch (err) {
      throw s3Error(err, `object s3://${this.bucket}/${key}`);
    }
  }

  async read(object: SourceObject, options: { signal?: AbortSignal } = {}): Promise<OpenedObject> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: object.key, VersionId: object.versionId }),
        { abortSignal: options.signal },
      );
      if (!out.Body)
        throw new SourceError('READ_ERROR', `object s3://${this.bucket}/${object.key} has no body`);
      return {
        stream: out.Body as Readable,
        size: out.ContentLength ?? object.size,
        etag: unquote(out.ETag),
        versionId: out.VersionId,
      };
    } catch (err) {
      if (err instanceof SourceError) throw err;
      throw s3Error(err, `object s3://${this.bucket}/${object.key}`);
    }
  }

  async readRange(
    object: SourceObject,
    start: number,
    end: number,
    options: { signal?: AbortSignal } = {},
  ): Promise<Uint8Array> {
    if (end <= start) return new Uint8Array(0);
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: object.key,
          VersionId: object.versionId,
          IfMatch: object.etag === undefined ? undefined : `"${object.etag}"`,
          Range: `bytes=${start}-${end - 1}`,
        }),
        { abortSignal: options.signal },
      );
      if (!out.Body)
        throw new SourceError('READ_ERROR', `object s3://${this.bucket}/${object.key} has no body`);
      return await out.Body.transformToByteArray();
    } catch (err) {
      if (err instanceof SourceError) throw err;
      throw s3Error(err, `bytes ${start}-${end - 1} of s3://${this.bucket}/${object.key}`);
    }
  }
}
