/**
 * Times the PDF report of a large job: seeds `--findings` findings forming `--issues` distinct values
 * over `--objects` objects (plus one aggregate per 100 objects) into a throwaway embedded PostgreSQL,
 * then loads the report data (the issue grouping queries) and renders the PDF, `--runs` times each,
 * and prints wall and CPU time, the PDF's size and pages, and the load average.
 *
 *   npm run bench:report -w @data-scanner/service [-- --findings 1000000 --issues 50000 --objects 20000 --runs 3]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadJobReportData, renderJobReport } from '../src/reports/index.ts';
import { PgJobStore } from '../src/store/jobs-repository.ts';
import { PgTenantStore } from '../src/store/tenants-repository.ts';
import { startBenchDatabase } from './bench-database.ts';

const { values } = parseArgs({
  options: {
    findings: { type: 'string', default: '1000000' },
    issues: { type: 'string', default: '50000' },
    objects: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
  },
});
const findings = Number(values.findings);
const issues = Number(values.issues);
const objects = Number(values.objects);
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const db = await startBenchDatabase('report', 4);
try {
  const tenantId = (await new PgTenantStore(db.pool).ensureTenant('bench')).id;
  const job = await new PgJobStore(db.pool).createJob({ tenantId, source: 's3://bench-bucket/data/' });
  await db.pool.query(
    `INSERT INTO findings (job_id, tenant_id, finding_key, bucket, object_key, detector, category, severity, confidence,
       byte_start, byte_end, line, col, redacted, fingerprint)
     SELECT $1, $2, 'k' || g, 'bench-bucket', 'exports/team-' || (g % $4) || '/part-' || (g % $4) || '.jsonl',
       CASE WHEN g % $5 % 3 = 0 THEN 'aws-access-key-id' WHEN g % $5 % 3 = 1 THEN 'github-token' ELSE 'email' END,
       CASE WHEN g % $5 % 3 = 2 THEN 'personal' ELSE 'credentials' END,
       (ARRAY['critical', 'high', 'medium', 'low'])[1 + g % $5 % 4], 0.9, 0, 20, 1 + g % 1000, 1,
       'AKIA************MPLE', encode(sha256((g % $5)::text::bytea), 'hex')
     FROM generate_series(1, $3) AS g`,
    [job.id, tenantId, findings, objects, issues],
  );
  await db.pool.query(
    `INSERT INTO finding_aggregates (job_id, tenant_id, aggregate_key, bucket, object_key, detector, category, severity,
       field, match_count, threshold, samples)
     SELECT $1, $2, 'a' || g, 'bench-bucket', 'exports/team-' || g || '/part-' || g || '.jsonl', 'email', 'personal', 'low',
       'customer.email', 1000 + g, 100, '[]'::jsonb
     FROM generate_series(1, $3) AS g`,
    [job.id, tenantId, Math.max(1, Math.floor(objects / 100))],
  );
  await db.pool.query(
    "UPDATE jobs SET status = 'succeeded', started_at = now(), finished_at = now(), aggregate_threshold = 100 WHERE id = $1",
    [job.id],
  );
  await db.pool.query('ANALYZE findings; ANALYZE finding_aggregates');
  const fresh = (await new PgJobStore(db.pool).getJob(job.id))!;
  const load: number[] = [];
  const loadCpu: number[] = [];
  const render: number[] = [];
  const renderCpu: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  let listed = 0;
  for (let i = 0; i < runs; i++) {
    const data = await timed(() => loadJobReportData(db.pool, fresh));
    load.push(data.wallMs);
    loadCpu.push(data.cpuMs);
    listed = data.value.issues.length;
    const rendered = await timed(() => renderJobReport(data.value));
    render.push(rendered.wallMs);
    renderCpu.push(rendered.cpuMs);
    pdf = rendered.value;
  }
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(
    JSON.stringify(
      {
        findings,
        issues,
        objects,
        runs,
        issues_listed: listed,
        load_data_ms_median: Math.round(median(load)),
        load_data_cpu_ms_median: Math.round(median(loadCpu)),
        render_ms_median: Math.round(median(render)),
        render_cpu_ms_median: Math.round(median(renderCpu)),
        pdf_bytes: pdf.length,
        pdf_pages: pages,
        loadavg: loadavg().map((l) => Number(l.toFixed(2))),
      },
      null,
      2,
    ),
  );
} finally {
  await db.close();
}
