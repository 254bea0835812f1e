import type { SourceObject } from '../ports/object-source.ts';

/** Where an object lives and which version of it was listed. */
export interface ObjectIdentity {
  /** `s3://bucket/key`, or a local file's real path. */
  locator: string;
  /** S3: etag, version id and size; local files: size, mtime and inode. */
  version: string;
}

/**
 * The identity an incremental scan compares with the object's last complete scan; undefined
 * when the listing did not report enough to tell a change (such an object is always scanned).
 */
export function objectIdentity(object: SourceObject): ObjectIdentity | undefined {
  if (object.unscannable) return undefined;
  if (object.bucket !== undefined) {
    if (!object.etag) return undefined;
    return {
      locator: object.locator ?? `s3://${object.bucket}/${object.key}`,
      version: `s3:etag=${object.etag};version=${object.versionId ?? ''};size=${object.size}`,
    };
  }
  if (!object.locator || object.inode === undefined || !object.lastModified) return undefined;
  return {
    locator: object.locator,
    version: `file:size=${object.size};mtime=${object.lastModified.getTime()};inode=${object.inode}`,
  };
}
