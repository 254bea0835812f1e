import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensureJobReport,
  JobNotFinishedError,
  JobNotFoundError,
  LocalReportStore,
  loadJobReportData,
  renderJobReport,
} from '../../src/reports/index.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { insertFindings, insertJob } from '../api/fixtures.ts';
import { useTestDatabase } from '../support/database.ts';
import { fakeAwsKeyId } from '../support/fake-secrets.ts';
import { pdfDocument, pdfLines, RAW, scannedJob } from './support.ts';

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

/** The lines of the findings-by-issue table: from its heading to the next section. */
function issueSection(lines: string[]): string[] {
  const from = lines.indexOf('Findings by issue');
  const to = lines.indexOf('What to do, by detector');
  return lines.slice(from, to === -1 ? undefined : to);
}

const LONG_KEY = `archive/${Array.from({ length: 14 }, (_, i) => `department-${i}-exports-2026`).join('/')}/keys.txt`;

describe('PDF report of a job', () => {
  it('puts the summary, then the scope, then the findings grouped by issue, with no raw value', async () => {
    expect(LONG_KEY.length).toBeGreaterThanOrEqual(300);
    const jobId = await scannedJob(db().pool, tenantId, [
      { key: 'people/contacts.txt', text: `contact: ${RAW.email}\nalso ${RAW.email}\n` },
      { key: 'conf/app.env', text: `password = "${RAW.password}"\n` },
      { key: 'conf/copy.env', text: `password = "${RAW.password}"\n` },
      { key: 'billing/cards.txt', text: `card ${RAW.card}\n` },
      { key: LONG_KEY, text: `aws_access_key_id=${fakeAwsKeyId(7)}\n` },
      { key: 'clean/readme.txt', text: 'nothing to see\n' },
    ]);
    await db().pool.query(
      `UPDATE job_objects SET status = 'SKIPPED', reason = 'UNSUPPORTED_BINARY', reason_detail = 'binary content'
        WHERE job_id = $1 AND key = 'clean/readme.txt'`,
      [jobId],
    );
    const { rows: stored } = await db().pool.query<{ redacted: string; detector: string }>(
      'SELECT redacted, detector FROM findings WHERE job_id = $1 ORDER BY detector',
      [jobId],
    );
    expect(stored.map((r) => r.detector)).toEqual([
      'aws-access-key-id',
      'email',
      'email',
      'generic-secret',
      'generic-secret',
      'payment-card',
    ]);

    const lines = await reportLines(jobId);
    const text = lines.join('\n');
    for (const raw of [...Object.values(RAW), fakeAwsKeyId(7)]) expect(text).not.toContain(raw);
    expect(text).not.toContain('4539148803436467');
    for (const { redacted } of stored) expect(text).toContain(redacted);

    const summary = lines.indexOf('Executive summary');
    const scope = lines.indexOf('Scope');
    const findings = lines.indexOf('Findings by issue');
    expect(summary).toBeGreaterThan(-1);
    expect(scope).toBeGreaterThan(summary);
    expect(findings).toBeGreaterThan(scope);
    expect(lines.indexOf('What to do, by detector')).toBeGreaterThan(findings);

    // The summary: exact counts, issues, no comparison yet, top risks.
    const head = lines.slice(summary, scope);
    expect(head).toContain(
      'Findings 6 (none aggregated; aggregate threshold 100 per object, detector and field)',
    );
    expect(head.join(' ')).toContain(
      'Issues 4: 4 distinct value(s) (detector and fingerprint), 0 aggregated group(s) of personal data (object, detector and field)',
    );
    expect(head).toContain(
      'Changes since the previous scan not compared (no earlier complete scan of this source)',
    );
    expect(head).toContain('CRITICAL HIGH MEDIUM LOW INFO');
    expect(head.indexOf('Top risks')).toBeGreaterThan(head.indexOf('Issues by highest severity'));

    // The scope: source, detectors, the skipped object with its reason.
    const scopeLines = lines.slice(scope, findings);
    expect(scopeLines).toContain(`Job ID ${jobId}`);
    expect(scopeLines).toContain('Source s3://allowed-bucket/data/');
    expect(scopeLines).toContain('Detectors every built-in detector');
    expect(scopeLines).toContain('SKIPPED UNSUPPORTED_BINARY 1');
    expect(scopeLines).toContain(
      'SKIPPED UNSUPPORTED_BINARY s3://allowed-bucket/clean/readme.txt binary content',
    );

    // Issues: one row per value, most severe first, counts of occurrences and objects.
    const rows = issueSection(lines).filter((l) => /^\d+ (critical|high|medium|low|info) /.test(l));
    expect(rows).toHaveLength(4);
    const rank = (l: string) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(l.split(' ')[1]!);
    expect(rows.map(rank)).toEqual([...rows.map(rank)].sort((a, b) => a - b));
    const password = rows.find((l) => l.includes(' generic-secret '));
    expect(password).toMatch(/ 2 2 s3:\/\/allowed-bucket\/conf\/app\.env$/);
    expect(rows.find((l) => l.includes(' email '))).toMatch(
      / 2 1 s3:\/\/allowed-bucket\/people\/contacts\.txt$/,
    );

    // The long path wraps, whole, on consecutive lines: never cut or elided.
    const section = issueSection(lines);
    const first = section.findIndex((l) => l.includes('s3://allowed-bucket/archive/'));
    expect(first).toBeGreaterThan(-1);
    const name = `s3://allowed-bucket/${LONG_KEY}`;
    let joined = section[first]!.slice(section[first]!.indexOf('s3://'));
    let next = first + 1;
    while (joined.length < name.length && next < section.length) joined += section[next++];
    expect(joined).toBe(name);
    expect(next - first).toBeGreaterThan(2);
    expect(section.slice(first, next).join('')).not.toContain('\u2026');

    // What to do: the hint of each detector found.
    const flat = lines.join(' ');
    expect(flat).toContain('Deactivate and delete the access key in IAM');
    expect(flat).toContain('Remove or tokenise the account or card number');

    // The breakdown keeps the counts by category and detector and the objects with the most findings.
    expect(lines).toContain('credentials 3 50.0%');
    expect(lines).toContain('1 s3://allowed-bucket/people/contacts.txt 2 low');
  });

  it('shows one key found in 500 files as one issue of 500 occurrences', async () => {
    const jobId = await insertJob(db().pool, tenantId, { status: 'succeeded' });
    await db().pool.query(
      `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
         byte_start, byte_end, line, col, redacted, fingerprint)
       SELECT $1, $2, 'k' || g, 'repo-' || g || '/config.env', 'aws-access-key-id', 'credentials', 'critical', 0.9,
         0, 20, 1, 1, 'AKIA************MPLE', repeat('ab', 32)
       FROM generate_series(1, 500) AS g`,
      [jobId, tenantId],
    );
    const lines = await reportLines(jobId);
    const rows = issueSection(lines).filter((l) => l.includes('AKIA************MPLE'));
    expect(rows).toEqual(['1 critical aws-access-key-id AKIA************MPLE 500 500 repo-1/config.env']);
    expect(issueSection(lines)).toContain('+497 more object(s)');
    expect(lines.join(' ')).toContain('Issues 1: 1 distinct value(s)');
    expect(issueSection(lines).filter((l) => l.includes('config.env'))).toHaveLength(3);
  });

  it('caps the issues listed and says where every finding is', async () => {
    const jobId = await insertJob(db().pool, tenantId, { status: 'succeeded' });
    await insertFindings(db().pool, { id: jobId, tenantId }, 1234);
    const lines = await reportLines(jobId);
    expect(lines.join(' ')).toContain(`Showing the first 1,000 of 1,234 issues`);
    expect(lines.join('')).toContain(`GET /jobs/${jobId}/export?format=csv`);
    expect(issueSection(lines).filter((l) => l.includes('AKIA************MPLE'))).toHaveLength(1000);
    expect(lines).toContain('Findings 1,234');
  });

  it('is a tagged PDF with a language, a title and a structure of headings, paragraphs and tables', async () => {
    const jobId = await scannedJob(db().pool, tenantId, [
      { key: 'a.env', text: `password = "${RAW.password}"\n` },
    ]);
    await ensureJobReport({ pool: db().pool, store }, tenantId, jobId);
    const pdf = await readFile(path.join(dir, tenantId, `${jobId}.pdf`));
    const raw = pdf.toString('latin1');
    const catalog = /\/Type \/Catalog[\s\S]*?>>/.exec(raw)?.[0] ?? '';
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(catalog).toContain('/Lang (en)');
    const markInfo = new RegExp(
      `\\n${/\/MarkInfo (\d+) 0 R/.exec(catalog)![1]} 0 obj\\n<<\\n\\/Marked true\\n>>`,
    );
    expect(raw).toMatch(markInfo);
    const doc = await pdfDocument(pdf);
    expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe(`Data Scanner report, job ${jobId}`);
    expect(info.Language).toBe('en');
    const roles = new Set<string>();
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.add(node.role);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(await (await doc.getPage(1)).getStructTree());
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) {
      expect(roles, role).toContain(role);
    }
    await doc.destroy();
  });

  it('states the changes since the previous scan when they are known', async () => {
    const jobId = await scannedJob(db().pool, tenantId, [
      { key: 'a.env', text: `password = "${RAW.password}"\n` },
    ]);
    const job = await new PgJobStore(db().pool).getJob(jobId);
    const changes = { new: 2, open: 3, resolved: 1, reopened: 0, suppressed: 4 };
    const lines = await pdfLines(await renderJobReport(await loadJobReportData(db().pool, job!, changes)));
    expect(lines).toContain(
      'Changes since the previous scan 2 new, 3 still open, 1 resolved, 0 reopened, 4 suppressed',
    );
  });

  it('reads the changes the job stored at its end, and says "not compared" for a first scan', async () => {
    const first = await scannedJob(db().pool, tenantId, [
      { key: 'a.env', text: `password = "${RAW.password}"\n` },
    ]);
    const second = await scannedJob(db().pool, tenantId, [
      { key: 'a.env', text: `password = "${RAW.password}"\n` },
    ]);
    await db().pool.query(
      `UPDATE jobs SET exposures_new = 1, exposures_open = 5, exposures_resolved = 2, exposures_reopened = 1,
         exposures_suppressed = 3, exposures_previous_job_id = $2 WHERE id = $1`,
      [second, first],
    );
    await db().pool.query(
      `UPDATE jobs SET exposures_new = 4, exposures_open = 4, exposures_resolved = 0, exposures_reopened = 0,
         exposures_suppressed = 0, exposures_previous_job_id = NULL WHERE id = $1`,
      [first],
    );
    const jobs = new PgJobStore(db().pool);
    const compared = await pdfLines(
      await renderJobReport(await loadJobReportData(db().pool, (await jobs.getJob(second))!)),
    );
    expect(compared).toContain(
      'Changes since the previous scan 1 new, 5 still open, 2 resolved, 1 reopened, 3 suppressed',
    );
    const alone = (
      await pdfLines(await renderJobReport(await loadJobReportData(db().pool, (await jobs.getJob(first))!)))
    ).join(' ');
    expect(alone).toContain('not compared');
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
