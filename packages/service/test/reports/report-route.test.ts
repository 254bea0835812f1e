import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalReportStore, S3ReportStore } from '../../src/reports/index.ts';
import { createS3Client } from '../../src/sources/index.ts';
import { insertJob } from '../api/fixtures.ts';
import { useApiHarness } from '../api/harness.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';
import { pdfLines, RAW, scannedJob } from './support.ts';

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

describe('GET /jobs/{id}/report.pdf, local report store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reports-route-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const api = useApiHarness({ reports: (db) => ({ pool: db.pool, store: new LocalReportStore(dir) }) });

  it('streams the PDF as an attachment, rendering it on first request', async () => {
    const jobId = await scannedJob(api().db.pool, api().acme.tenantId, [
      { key: 'people.txt', text: `mail ${RAW.email}\n` },
    ]);
    const res = await api().call(`/jobs/${jobId}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="data-scanner-${jobId}.pdf"`);
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = (await pdfLines(pdf)).join('\n');
    expect(text).toContain(`Job ID ${jobId}`);
    expect(text).not.toContain(RAW.email);
    expect(await readdir(path.join(dir, api().acme.tenantId))).toEqual([`${jobId}.pdf`]);

    const again = await api().call(`/jobs/${jobId}/report.pdf`);
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(pdf);
  });

  it("answers 404 for another tenant's job and stores nothing", async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    await expectError(
      await api().call(`/jobs/${jobId}/report.pdf`, { key: api().globex.key }),
      404,
      'not_found',
    );
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('answers 409 job_not_finished for a job that has not ended', async () => {
    for (const status of ['queued', 'listing', 'scanning']) {
      const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status });
      await expectError(await api().call(`/jobs/${jobId}/report.pdf`), 409, 'job_not_finished');
    }
  });

  it('needs credentials and a UUID', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    await expectError(await api().call(`/jobs/${jobId}/report.pdf`, { key: null }), 401, 'unauthorized');
    await expectError(await api().call('/jobs/not-a-uuid/report.pdf'), 422, 'validation_failed');
  });

  it('is in the OpenAPI document with its PDF, redirect and 409 responses', async () => {
    const doc = (await (await api().call('/openapi.json', { key: null })).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const responses = doc.paths['/jobs/{job_id}/report.pdf']?.get?.responses ?? {};
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '302', '404', '409']));
    expect(Object.keys(responses['200']?.content ?? {})).toEqual(['application/pdf']);
    expect(doc.paths['/jobs/{job_id}/export']?.get).toBeDefined();
  });
});

describe('GET /jobs/{id}/report.pdf, S3 report store', () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startLocalS3();
    await s3.createBucket('reports');
  });
  afterAll(async () => {
    await s3.close();
  });
  const api = useApiHarness({
    reports: (db) => ({
      pool: db.pool,
      store: new S3ReportStore({ client: createS3Client(s3.options), bucket: 'reports' }),
    }),
  });

  it('redirects to a presigned URL that S3 serves the stored PDF from', async () => {
    const jobId = await scannedJob(api().db.pool, api().acme.tenantId, [
      { key: 'conf/app.env', text: `password = "${RAW.password}"\n` },
    ]);
    const res = await api().call(`/jobs/${jobId}/report.pdf`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(s3.options.endpoint);
    expect(location.pathname).toBe(`/reports/reports/${api().acme.tenantId}/${jobId}.pdf`);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');

    const download = await fetch(location);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="data-scanner-${jobId}.pdf"`,
    );
    const pdf = new Uint8Array(await download.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = (await pdfLines(pdf)).join('\n');
    expect(text).toContain(`Job ID ${jobId}`);
    expect(text).not.toContain(RAW.password);
  });

  it('streams the stored PDF through the API with delivery=stream (for browser fetches)', async () => {
    const jobId = await scannedJob(api().db.pool, api().acme.tenantId, [
      { key: 'conf/app.env', text: `password = "${RAW.password}"\n` },
    ]);
    const res = await api().call(`/jobs/${jobId}/report.pdf?delivery=stream`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="data-scanner-${jobId}.pdf"`);
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect((await pdfLines(pdf)).join('\n')).toContain(`Job ID ${jobId}`);
    expect((await api().call(`/jobs/${jobId}/report.pdf?delivery=email`)).status).toBe(422);
  });

  it("answers 404 for another tenant's job", async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    await expectError(
      await api().call(`/jobs/${jobId}/report.pdf`, { key: api().globex.key }),
      404,
      'not_found',
    );
  });
});
