import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensureJobReport,
  JobNotFinishedError,
  JobNotFoundError,
  LocalReportStore,
} from '../../src/reports/index.ts';
import { insertFindings, insertJob } from '../api/fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { pdfLines, RAW, scannedJob } from './support.ts';

const db = useTestDatabase();
let dir: string;
let store: LocalReportStore;
let tenantId: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reports-'));
  store = new LocalReportStore(dir);
  const { rows } = await db().pool.query<{ id: string }>(
    "INSERT INTO tenants (name) VALUES ('acme') RETURNING id",
  );
  tenantId = rows[0]!.id;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function reportLines(jobId: string): Promise<string[]> {
  await ensureJobReport({ pool: db().pool, store }, tenantId, jobId);
  return pdfLines(await readFile(path.join(dir, tenantId, `${jobId}.pdf`)));
}

describe('PDF report of a job', () => {
  it("has the job's counts by severity, category and detector, and no raw value", async () => {
    const jobId = await scannedJob(db().pool, tenantId, [
      { key: 'people/contacts.txt', text: `contact: ${RAW.email}\nalso ${RAW.email}\n` },
      { key: 'conf/app.env', text: `password = "${RAW.password}"\n` },
      { key: 'billing/cards.txt', text: `card ${RAW.card}\n` },
      { key: 'clean/readme.txt', text: 'nothing to see\n' },
    ]);
    const { rows: stored } = await db().pool.query<{ redacted: string; detector: string }>(
      'SELECT redacted, detector FROM findings WHERE job_id = $1 ORDER BY detector',
      [jobId],
    );
    expect(stored.map((r) => r.detector)).toEqual(['email', 'email', 'generic-secret', 'payment-card']);

    const lines = await reportLines(jobId);
    const text = lines.join('\n');
    for (const raw of Object.values(RAW)) expect(text).not.toContain(raw);
    expect(text).not.toContain('4539148803436467');
    for (const { redacted } of stored) expect(text).toContain(redacted);

    expect(lines).toContain(`Job ID ${jobId}`);
    expect(lines).toContain('Status succeeded');
    expect(lines).toContain('Objects 4 total, 4 complete, 0 partial, 0 skipped, 0 failed');
    expect(lines).toContain(
      'Findings 4 (none aggregated; aggregate threshold 100 per object, detector and field)',
    );
    // Severity tiles: the counts line up above their labels.
    expect(lines).toContain('0 1 1 2 0');
    expect(lines).toContain('CRITICAL HIGH MEDIUM LOW INFO');
    expect(lines).toContain('personal 2 50.0%');
    expect(lines).toContain('credentials 1 25.0%');
    expect(lines).toContain('financial 1 25.0%');
    expect(lines.some((l) => /^email Email address 2 50\.0%$/i.test(l))).toBe(true);
    expect(lines.some((l) => /^payment-card .+ 1 25\.0%$/.test(l))).toBe(true);
    // Objects with the most findings: the two-finding object first.
    expect(lines).toContain('1 s3://allowed-bucket/people/contacts.txt 2 low');
    expect(lines).not.toContain('s3://allowed-bucket/clean/readme.txt');
    // The findings table, most severe first.
    const high = lines.findIndex((l) => l.startsWith('high payment-card'));
    const low = lines.findIndex((l) => l.startsWith('low email'));
    expect(high).toBeGreaterThan(-1);
    expect(low).toBeGreaterThan(high);
  });

  it('caps the findings table and says where the rest is', async () => {
    const jobId = await insertJob(db().pool, tenantId, { status: 'succeeded' });
    await insertFindings(db().pool, { id: jobId, tenantId }, 2345);
    const lines = await reportLines(jobId);
    expect(lines.join(' ')).toContain('Showing the first 2,000 of 2,345 listed findings');
    expect(lines.join(' ')).toContain(`GET /jobs/${jobId}/export?format=csv`);
    expect(lines.filter((l) => l.includes('AKIA************MPLE'))).toHaveLength(2000);
    expect(lines).toContain('Findings 2,345');
  });

  it('is rendered once: a second call finds it stored', async () => {
    const jobId = await insertJob(db().pool, tenantId, { status: 'partial' });
    const deps = { pool: db().pool, store };
    expect(await ensureJobReport(deps, tenantId, jobId)).toEqual({ created: true });
    const first = await readFile(path.join(dir, tenantId, `${jobId}.pdf`));
    expect(await ensureJobReport(deps, tenantId, jobId)).toEqual({ created: false });
    expect(await readFile(path.join(dir, tenantId, `${jobId}.pdf`))).toEqual(first);
    expect((await pdfLines(first)).join(' ')).toContain('No findings.');
  });

  it('refuses a job that has not ended, and another tenant’s job', async () => {
    const running = await insertJob(db().pool, tenantId, { status: 'scanning' });
    const deps = { pool: db().pool, store };
    await expect(ensureJobReport(deps, tenantId, running)).rejects.toBeInstanceOf(JobNotFinishedError);
    expect(await store.has(tenantId, running)).toBe(false);
    const { rows } = await db().pool.query<{ id: string }>(
      "INSERT INTO tenants (name) VALUES ('globex') RETURNING id",
    );
    const done = await insertJob(db().pool, tenantId, { status: 'succeeded' });
    await expect(ensureJobReport(deps, rows[0]!.id, done)).rejects.toBeInstanceOf(JobNotFoundError);
  });
});
