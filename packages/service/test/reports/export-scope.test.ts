import { describe, expect, it } from 'vitest';
import { loadJobReportData, renderJobReport } from '../../src/reports/index.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useApiHarness } from '../api/harness.ts';
import { pdfLines, RAW, scannedJob } from './support.ts';

const api = useApiHarness({
  reports: (db) => ({ pool: db.pool, store: { has: fail, put: fail, open: fail } }),
});

async function fail(): Promise<never> {
  throw new Error('exports do not touch the report store');
}

const SCOPE = 'sampled (fraction 0.25 of each prefix; at most 64 bytes per object): 30 object(s) left out';

/** A scanned job, then marked as a sampled job that left 30 objects out. */
async function sampledJob(): Promise<string> {
  const pool = api().db.pool;
  const jobId = await scannedJob(pool, api().acme.tenantId, [{ key: 'a.txt', text: `mail ${RAW.email}\n` }]);
  await pool.query(
    `UPDATE jobs SET sample = '{"fraction": 0.25, "max_bytes_per_object": 64}', objects_sampled_out = 30 WHERE id = $1`,
    [jobId],
  );
  return jobId;
}

const exported = async (jobId: string, format: string) =>
  (await api().call(`/jobs/${jobId}/export?format=${format}`)).text();

describe('the exports of a sampled job', () => {
  it('state the sample in JSON, JSON Lines, CSV, SARIF and the PDF report', async () => {
    const jobId = await sampledJob();
    const scope = {
      incremental: false,
      objects_unchanged: 0,
      sample: { fraction: 0.25, max_bytes_per_object: 64 },
      objects_sampled_out: 30,
    };
    const json = JSON.parse(await exported(jobId, 'json'));
    expect(json.job).toMatchObject({ sample: scope.sample, progress: { objects_sampled_out: 30 } });
    const [first] = (await exported(jobId, 'jsonl')).split('\n');
    expect(JSON.parse(first as string)).toEqual({ kind: 'scope', ...scope });
    expect((await exported(jobId, 'csv')).split('\n')[0]).toBe(`# ${SCOPE}`);
    const sarif = JSON.parse(await exported(jobId, 'sarif'));
    expect(sarif.runs[0].automationDetails).toEqual({
      id: `data-scanner/${jobId}`,
      description: { text: SCOPE },
      properties: { scope },
    });
    expect(sarif.runs[0].results).toHaveLength(1);

    const job = await new PgJobStore(api().db.pool).getJob(jobId);
    const pdf = await renderJobReport(await loadJobReportData(api().db.pool, job!));
    expect((await pdfLines(pdf)).join('\n')).toContain('Scope sampled (fraction 0.25 of each prefix;');
  });

  it('leave the documents of a whole-source job as they were', async () => {
    const jobId = await scannedJob(api().db.pool, api().acme.tenantId, [{ key: 'a.txt', text: RAW.email }]);
    expect((await exported(jobId, 'csv')).startsWith('#')).toBe(false);
    expect((await exported(jobId, 'jsonl')).includes('"kind":"scope"')).toBe(false);
    expect(JSON.parse(await exported(jobId, 'sarif')).runs[0].automationDetails).toBeUndefined();
  });
});
