import { describe, expect, it } from 'vitest';
import { apiConfigFrom } from '../../src/api/api-env.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { bucketNameProblems } from '../../src/sources/bucket-name.ts';

describe("the API's settings in the service configuration", () => {
  it('reads the bucket allowlist, JWT settings and CORS origins', () => {
    const config = loadConfig({
      SCAN_S3_BUCKETS: 'data-lake, exports.example',
      JWT_SECRET: 's'.repeat(32),
      JWT_ISSUER: 'https://idp',
      API_CORS_ORIGINS: 'https://dash.example.com',
      DATA_SCANNER_LOCAL_ROOTS: '/srv/data',
    });
    expect(apiConfigFrom(config)).toEqual({
      s3Buckets: ['data-lake', 'exports.example'],
      fileRoots: ['/srv/data'],
      corsOrigins: ['https://dash.example.com'],
      jwt: {
        secret: 's'.repeat(32),
        issuer: 'https://idp',
        jwksUrl: undefined,
        audience: undefined,
        tenantClaim: undefined,
      },
    });
    expect(apiConfigFrom(loadConfig({}))).toEqual({ s3Buckets: [], fileRoots: [] });
  });

  it('names every bad value at once, in the one configuration error', () => {
    try {
      loadConfig({
        SCAN_S3_BUCKETS: 'bad_bucket',
        API_BODY_LIMIT: 'lots',
        JWT_SECRET: 'short',
        JWT_JWKS_URL: 'ftp://x',
        API_CORS_ORIGINS: 'dash.example.com/path',
        REPORTS_BUCKET: 'sthree-reports',
        WORKER_CONCURRENCY: 'many',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        'WORKER_CONCURRENCY must be an integer >= 1 (got "many")',
        'SCAN_S3_BUCKETS: "bad_bucket" is not an S3 bucket name: it may contain only lower-case letters, digits, dots and hyphens',
        'API_BODY_LIMIT: "lots" must be an integer of at least 1024 bytes',
        'JWT_SECRET: must be at least 32 characters',
        'JWT_JWKS_URL: "ftp://x" must be an http(s) URL',
        'API_CORS_ORIGINS: "dash.example.com/path" must be an origin like https://app.example.com',
        'REPORTS_BUCKET: "sthree-reports" is not an S3 bucket name: it must not start with "sthree-"',
      ]);
    }
  });
});

describe('bucketNameProblems', () => {
  it('accepts valid names and names the rule a bad one breaks', () => {
    expect(bucketNameProblems('my-bucket.logs-2026')).toEqual([]);
    expect(bucketNameProblems('ab')).toContain('must be 3 to 63 characters long');
    expect(bucketNameProblems('My_Bucket')).toContain(
      'may contain only lower-case letters, digits, dots and hyphens',
    );
    expect(bucketNameProblems('-bucket')).toContain('must begin and end with a letter or digit');
    expect(bucketNameProblems('a..b')).toContain('must not contain two adjacent dots');
    expect(bucketNameProblems('10.0.0.1')).toContain('must not be formatted as an IP address');
    expect(bucketNameProblems('sthree-bucket')).toContain('must not start with "sthree-"');
    expect(bucketNameProblems('bucket-s3alias')).toContain('must not end with "-s3alias"');
  });
});
