import type { ObjectSource } from '../ports/object-source.ts';
import { FilesystemSource } from './filesystem-source.ts';
import type { S3SourceOptions } from './s3-source.ts';
import { SourceError } from './source-error.ts';

/** What `createSource` needs: the local roots and how to reach S3. */
export interface SourcesConfig {
  /** Folders local scans may read. */
  roots: readonly string[];
  s3?: S3SourceOptions;
}

/**
 * Opens the source a URI names: `s3://bucket/prefix`, `file:///abs/path` or an absolute path.
 * Local paths must lie inside `config.roots`.
 */
export async function createSource(uri: string, config: SourcesConfig): Promise<ObjectSource> {
  if (uri.startsWith('s3://')) {
    // Loaded on demand: a local scan never loads the AWS SDK.
    const { S3Source } = await import('./s3-source.ts');
    return new S3Source(uri, config.s3);
  }
  if (uri.startsWith('file:') || uri.startsWith('/'))
    return FilesystemSource.create(uri, { roots: config.roots });
  throw new SourceError('INVALID_SOURCE', `source ${uri} must be s3://bucket/prefix or file:///abs/path`);
}
