import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJobReport, LocalReportStore } from '../../src/reports/index.ts';
import { useApiHarness } from '../api/harness.ts';
import { pdfLines, scannedJob } from './support.ts';

const api = useApiHarness({
  reports: (db) => ({ pool: db.pool, store: { has: fail, put: fail, open: fail } }),
});

async function fail(): Promise<never> {
  throw new Error('not used');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aggregates-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EMAILS = 777;
const THRESHOLD = 20;
const FOLDED = EMAILS - THRESHOLD;

async function aggregatedJob(): Promise<string> {
  const rows = Array.from({ length: EMAILS }, (_, i) => `${i},user${i}@northwind-traders.com`);
  return scannedJob(
    api().db.pool,
    api().acme.tenantId,
    [{ key: 'people.csv', text: `id,email\n${rows.join('\n')}\n` }],
    'people',
    THRESHOLD,
  );
}

describe('aggregated personal data in the API, the exports and the PDF', () => {
  it('states the exact count and the threshold in the job, the aggregates list and every export', async () => {
    const jobId = await aggregatedJob();
    const job = await (await api().call(`/jobs/${jobId}`)).json();
    expect(job.progress).toMatchObject({
      findings: EMAILS,
      findings_aggregated: FOLDED,
      aggregate_threshold: THRESHOLD,
    });
    expect(job.summary.by_detector).toEqual({ email: EMAILS });
    const objects = await (await api().call(`/jobs/${jobId}/objects`)).json();
    expect(objects.items[0]).toMatchObject({ findings: EMAILS, findings_aggregated: FOLDED });
    const results = await (await api().call(`/results?job_id=${jobId}&limit=1000`)).json();
    expect(results.items).toHaveLength(THRESHOLD);
    const aggregates = await (await api().call(`/results/aggregates?job_id=${jobId}`)).json();
    expect(aggregates.items).toEqual([
      expect.objectContaining({
        object: expect.objectContaining({ key: 'people.csv' }),
        detector: 'email',
        field: 'email',
        count: FOLDED,
        threshold: THRESHOLD,
      }),
    ]);
    expect(aggregates.items[0].samples).toHaveLength(10);
    expect((await api().call(`/results/aggregates?job_id=${jobId}`, { key: api().globex.key })).status).toBe(
      404,
    );

    const jsonl = (await (await api().call(`/jobs/${jobId}/export?format=jsonl`)).text()).trim().split('\n');
    expect(jsonl).toHaveLength(THRESHOLD + 1);
    expect(JSON.parse(jsonl.at(-1)!)).toMatchObject({
      kind: 'aggregate',
      count: FOLDED,
      threshold: THRESHOLD,
    });
    const json = await (await api().call(`/jobs/${jobId}/export?format=json`)).json();
    expect(json.findings).toHaveLength(THRESHOLD);
    expect(json.aggregates).toEqual([expect.objectContaining({ count: FOLDED })]);
    expect(json.job.progress.aggregate_threshold).toBe(THRESHOLD);
    const csv = (await (await api().call(`/jobs/${jobId}/export?format=csv`)).text()).trim().split('\r\n');
    const header = csv[0]!.split(',');
    const last = csv.at(-1)!.split(',');
    expect([last[header.indexOf('kind')], last[header.indexOf('count')]]).toEqual([
      'aggregate',
      String(FOLDED),
    ]);
    const sarif = await (await api().call(`/jobs/${jobId}/export?format=sarif`)).json();
    expect(sarif.runs[0].properties).toEqual({ aggregateThreshold: THRESHOLD });
    expect(sarif.runs[0].results.at(-1).properties).toMatchObject({ aggregate: true, count: FOLDED });
  });

  it('shows the exact count, the aggregates and the threshold in the PDF report', async () => {
    const jobId = await aggregatedJob();
    const store = new LocalReportStore(dir);
    const tenantId = api().acme.tenantId;
    await ensureJobReport({ pool: api().db.pool, store }, tenantId, jobId);
    const lines = await pdfLines(await readFile(path.join(dir, tenantId, `${jobId}.pdf`)));
    const text = lines.join(' ');
    expect(text).toContain(
      `Findings 777 (20 listed, 757 counted in 1 aggregate(s); aggregate threshold 20 per object, detector and field)`,
    );
    expect(text).toContain('1 aggregated group(s) of personal data');
    expect(lines.some((l) => /^\d+ low email aggregate: email 757 1 .*people\.csv$/.test(l))).toBe(true);
  });
});
