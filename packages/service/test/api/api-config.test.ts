import { describe, expect, it } from 'vitest';
import { readApiConfig } from '../../src/api/api-config.ts';
import { bucketNameProblems } from '../../src/api/source-policy.ts';

describe('readApiConfig', () => {
  it('reads the bucket allowlist, JWT settings and CORS origins', () => {
    const config = readApiConfig(
      {
        SCAN_S3_BUCKETS: 'data-lake, exports.example',
        JWT_SECRET: 's'.repeat(32),
        JWT_ISSUER: 'https://idp',
        API_CORS_ORIGINS: 'https://dash.example.com',
      },
      ['/srv/data'],
    );
    expect(config).toEqual({
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
  });

  it('names every bad value at once', () => {
    expect(() =>
      readApiConfig({
        SCAN_S3_BUCKETS: 'Bad_Bucket',
        API_BODY_LIMIT: 'lots',
        JWT_SECRET: 'short',
        JWT_JWKS_URL: 'ftp://x',
        API_CORS_ORIGINS: 'dash.example.com/path',
      }),
    ).toThrow(
      /SCAN_S3_BUCKETS[\s\S]*API_BODY_LIMIT[\s\S]*JWT_SECRET[\s\S]*JWT_JWKS_URL[\s\S]*API_CORS_ORIGINS/,
    );
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
