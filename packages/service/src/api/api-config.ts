import path from 'node:path';
import type { ApiConfig } from './api-env.ts';

const list = (value: string | undefined, sep: string | RegExp) =>
  (value ?? '')
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads the API's own settings from the environment once: `SCAN_S3_BUCKETS` (comma-separated
 * allowlist), `API_BODY_LIMIT` (bytes), `JWT_SECRET` or `JWT_JWKS_URL` with optional `JWT_ISSUER`,
 * `JWT_AUDIENCE`, `JWT_TENANT_CLAIM`, `API_CORS_ORIGINS` (comma-separated origins). `fileRoots` comes from the service config
 * (`DATA_SCANNER_LOCAL_ROOTS`), so the API accepts exactly the folders the worker may read.
 * Throws one error listing every bad value.
 */
export function readApiConfig(
  env: NodeJS.ProcessEnv = process.env,
  fileRoots: readonly string[] = [],
): ApiConfig {
  const problems: string[] = [];
  for (const root of fileRoots) {
    if (!path.isAbsolute(root)) problems.push(`local root "${root}" is not an absolute path`);
  }
  for (const bucket of list(env.SCAN_S3_BUCKETS, ',')) {
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
      problems.push(`SCAN_S3_BUCKETS: "${bucket}" is not a bucket name`);
  }
  let bodyLimitBytes: number | undefined;
  if (env.API_BODY_LIMIT) {
    bodyLimitBytes = Number(env.API_BODY_LIMIT);
    if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1024) {
      problems.push(`API_BODY_LIMIT: "${env.API_BODY_LIMIT}" must be an integer of at least 1024 bytes`);
    }
  }
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32)
    problems.push('JWT_SECRET: must be at least 32 characters');
  if (env.JWT_JWKS_URL && !/^https?:\/\//.test(env.JWT_JWKS_URL)) {
    problems.push(`JWT_JWKS_URL: "${env.JWT_JWKS_URL}" must be an http(s) URL`);
  }
  const corsOrigins = list(env.API_CORS_ORIGINS, ',');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`API_CORS_ORIGINS: "${origin}" must be an origin like https://app.example.com`);
  }
  if (problems.length > 0) throw new Error(`Invalid API configuration:\n  ${problems.join('\n  ')}`);
  const jwtOn = Boolean(env.JWT_SECRET || env.JWT_JWKS_URL);
  return {
    s3Buckets: list(env.SCAN_S3_BUCKETS, ','),
    fileRoots: fileRoots.map((root) => path.resolve(root)),
    ...(bodyLimitBytes ? { bodyLimitBytes } : {}),
    ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
    ...(jwtOn
      ? {
          jwt: {
            secret: env.JWT_SECRET || undefined,
            jwksUrl: env.JWT_JWKS_URL || undefined,
            issuer: env.JWT_ISSUER || undefined,
            audience: env.JWT_AUDIENCE || undefined,
            tenantClaim: env.JWT_TENANT_CLAIM || undefined,
          },
        }
      : {}),
  };
}
