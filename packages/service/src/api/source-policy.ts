import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bucketNameProblems } from '../sources/bucket-name.ts';
import type { ApiConfig } from './api-env.ts';
import { type ErrorDetail, HttpError } from './http-error.ts';

function refuse(message: string, details: ErrorDetail[] = []): HttpError {
  return new HttpError(422, 'source_not_allowed', message, details);
}

/**
 * Checks a scan source against the deployment's policy and returns its normalised URI.
 * S3 buckets must be on the allowlist; `file://` paths must resolve (symlinks included) inside a
 * configured root. Throws a 422 `HttpError` naming the problem otherwise.
 */
export async function checkSource(source: string, config: ApiConfig): Promise<string> {
  if (/[\u0000-\u001f\u007f]/.test(source))
    throw refuse('Source contains control characters', [
      { path: 'body.source', message: 'must not contain control characters (NUL included)' },
    ]);
  if (source.startsWith('s3://')) return checkS3(source, config);
  if (source.startsWith('file://')) return checkFile(source, config);
  throw refuse('Source must be an s3:// or file:// URI', [
    { path: 'body.source', message: 'unsupported scheme' },
  ]);
}

/** An inventory needs an S3 source and a manifest.json in a bucket the deployment may read; 422 otherwise. */
export async function checkInventory(inventory: string, source: string, config: ApiConfig): Promise<void> {
  const problems: string[] = [];
  if (!source.startsWith('s3://')) problems.push('an inventory lists an S3 source; this source is not one');
  if (!/^s3:\/\/[^/]+\/.+manifest\.json$/.test(inventory)) {
    problems.push('must be s3://inventory-bucket/.../manifest.json');
  }
  if (problems.length > 0) {
    throw HttpError.validation(
      'The inventory cannot be used',
      problems.map((message) => ({ path: 'body.inventory', message })),
    );
  }
  await checkSource(inventory, config);
}

function checkS3(source: string, config: ApiConfig): string {
  const rest = source.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const prefix = slash === -1 ? '' : rest.slice(slash + 1);
  const problems = bucketNameProblems(bucket);
  if (problems.length > 0) {
    throw refuse(
      `"${bucket}" is not a valid S3 bucket name`,
      problems.map((message) => ({ path: 'body.source', message })),
    );
  }
  if (Buffer.byteLength(prefix, 'utf8') > 1024) throw refuse('S3 prefix is longer than 1024 bytes');
  if (!config.s3Buckets.includes(bucket)) {
    throw refuse(`Bucket "${bucket}" is not on this deployment's allowlist`, [
      { path: 'body.source', message: 'ask an operator to add the bucket to SCAN_S3_BUCKETS' },
    ]);
  }
  return `s3://${bucket}/${prefix}`;
}

async function checkFile(source: string, config: ApiConfig): Promise<string> {
  if (config.fileRoots.length === 0) throw refuse('file:// sources are disabled on this deployment');
  if (/(^|\/)(\.|%2e){2}(\/|$)/i.test(source.slice('file://'.length))) {
    throw refuse('file:// sources must not contain ".." segments');
  }
  let target: string;
  try {
    target = fileURLToPath(new URL(source));
  } catch {
    throw refuse('Not a valid local file:// URI (use file:///absolute/path)');
  }
  const roots = config.fileRoots.map((root) => path.resolve(root));
  const inside = (p: string, rs: string[]) =>
    rs.some((r) => p === r || p.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  if (!inside(target, roots)) throw refuse('Path is outside the allowed local roots');
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw refuse('Path does not exist', [{ path: 'body.source', message: 'no such file or folder' }]);
  }
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  if (!inside(real, realRoots))
    throw refuse('Path resolves (through a symlink) outside the allowed local roots');
  return pathToFileURL(target).href;
}
