import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../src/config.ts';
import { createReportStore, LocalReportStore, S3ReportStore } from '../../src/reports/index.ts';
import { createS3Client } from '../../src/sources/index.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const tenant = randomUUID();
const job = randomUUID();
const pdf = new TextEncoder().encode('%PDF-1.3 not really a report');

describe('reports configuration', () => {
  it('keeps reports under the data folder by default', () => {
    const config = loadConfig({ DATA_SCANNER_DATA_DIR: '/var/lib/data-scanner' });
    expect(config.reports).toEqual({
      bucket: undefined,
      kmsKeyId: undefined,
      dir: '/var/lib/data-scanner/reports',
    });
    expect(createReportStore(config)).toBeInstanceOf(LocalReportStore);
  });

  it('uses the bucket, with its KMS key, when one is named', () => {
    const config = loadConfig({
      REPORTS_BUCKET: 'astro-pdf-reports',
      REPORTS_KMS_KEY_ID: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      REPORTS_DIR: '/ignored',
    });
    expect(config.reports.bucket).toBe('astro-pdf-reports');
    const store = createReportStore(config);
    expect(store).toBeInstanceOf(S3ReportStore);
    expect((store as S3ReportStore).bucket).toBe('astro-pdf-reports');
  });

  it('names every bad reports setting', () => {
    try {
      loadConfig({ REPORTS_BUCKET: 'Bad_Bucket' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        'REPORTS_BUCKET: "Bad_Bucket" is not an S3 bucket name: it may contain only lower-case letters, digits, dots and hyphens; it must begin and end with a letter or digit',
      ]);
    }
    try {
      loadConfig({ REPORTS_KMS_KEY_ID: 'alias/reports key' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        'REPORTS_KMS_KEY_ID must be a KMS key id, key ARN or alias with no spaces',
        'REPORTS_KMS_KEY_ID needs REPORTS_BUCKET (local reports are not KMS-encrypted)',
      ]);
    }
  });
});

describe('LocalReportStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'local-reports-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores one private file per tenant and job, and streams it back', async () => {
    const store = new LocalReportStore(dir);
    expect(await store.has(tenant, job)).toBe(false);
    expect(await store.open(tenant, job)).toBeNull();
    await store.put(tenant, job, pdf);
    expect(await store.has(tenant, job)).toBe(true);
    expect(await text((await store.open(tenant, job)) as Readable)).toBe('%PDF-1.3 not really a report');
    expect(await readdir(path.join(dir, tenant))).toEqual([`${job}.pdf`]);
    expect((await stat(path.join(dir, tenant, `${job}.pdf`))).mode & 0o777).toBe(0o600);
  });

  it('builds names from UUIDs only, so no id can leave the folder', async () => {
    const store = new LocalReportStore(dir);
    for (const [t, j] of [
      ['..', job],
      [tenant, '../../etc/passwd'],
      [tenant, `${job}/../x`],
    ] as const) {
      await expect(store.put(t, j, pdf)).rejects.toThrow('report ids must be UUIDs');
      await expect(store.open(t, j)).rejects.toThrow('report ids must be UUIDs');
    }
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('S3ReportStore', () => {
  let s3: LocalS3;
  let client: S3Client;
  const headers: Record<string, string | undefined>[] = [];
  beforeAll(async () => {
    s3 = await startLocalS3();
    await s3.createBucket('reports');
    client = createS3Client(s3.options);
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method?: string; headers?: Record<string, string> };
        if (request.method === 'PUT') headers.push({ ...request.headers });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordPutHeaders' },
    );
  });
  afterAll(async () => {
    await s3.close();
  });
  beforeEach(() => {
    headers.length = 0;
  });

  it('puts reports/<tenant>/<job>.pdf encrypted with AES256, and reads it back', async () => {
    const store = new S3ReportStore({ client, bucket: 'reports' });
    expect(store.key(tenant, job)).toBe(`reports/${tenant}/${job}.pdf`);
    expect(await store.has(tenant, job)).toBe(false);
    expect(await store.open(tenant, job)).toBeNull();
    await store.put(tenant, job, pdf);
    expect(headers).toHaveLength(1);
    expect(headers[0]?.['x-amz-server-side-encryption']).toBe('AES256');
    expect(headers[0]?.['content-type']).toBe('application/pdf');
    expect(await store.has(tenant, job)).toBe(true);
    expect(await text((await store.open(tenant, job)) as Readable)).toBe('%PDF-1.3 not really a report');
  });

  it('asks for aws:kms with the configured key', async () => {
    const store = new S3ReportStore({ client, bucket: 'reports', kmsKeyId: 'alias/astro-reports' });
    await store.put(tenant, randomUUID(), pdf).catch(() => {
      // s3rver may refuse KMS; the request is what this test checks.
    });
    expect(headers[0]?.['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(headers[0]?.['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/astro-reports');
  });

  it('refuses ids that are not UUIDs before calling S3', async () => {
    const store = new S3ReportStore({ client, bucket: 'reports' });
    await expect(store.put(tenant, '../other', pdf)).rejects.toThrow('report ids must be UUIDs');
    expect(headers).toHaveLength(0);
  });
});
