/**
 * Renders the PDF report of a scan of the shipped samples (`<repo>/samples`) and writes its first
 * page as a PNG for the README. The scan takes the real path: a throwaway embedded PostgreSQL, the
 * job and its objects in the store, each object scanned by @data-scanner/detect and recorded as
 * the worker records it, then `ensureJobReport` into a local report store. Needs `pdftoppm`
 * (Debian: `apt-get install poppler-utils`).
 *
 *   npm run report:sample -w @data-scanner/service [-- --out docs/report-sample.png --pdf /tmp/report.pdf]
 */
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Scanner } from '@data-scanner/detect';
import pg from 'pg';
import { ensureJobReport, LocalReportStore } from '../src/reports/index.ts';
import { createSource } from '../src/sources/index.ts';
import { freePort, startEmbeddedPostgres } from '../src/store/embedded-postgres.ts';
import { PgJobStore } from '../src/store/jobs-repository.ts';
import { migrate } from '../src/store/migrate.ts';
import { PgTenantStore } from '../src/store/tenants-repository.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(repo, 'docs/report-sample.png') },
    pdf: { type: 'string' },
    dpi: { type: 'string', default: '110' },
  },
});

const work = await mkdtemp(path.join(tmpdir(), 'report-sample-'));
// As root the server runs as the `postgres` user, which must reach its data folder.
await chmod(work, 0o755);
const server = await startEmbeddedPostgres({
  dataDir: path.join(work, 'pg'),
  port: await freePort(),
  throwaway: true,
  fast: true,
});
const pool = new pg.Pool({ connectionString: server.url, max: 4 });
// Idle connections are cut when the throwaway server stops; that is expected.
pool.on('error', () => {});
try {
  await migrate(pool);
  const tenantId = (await new PgTenantStore(pool).ensureTenant('sample')).id;
  const samples = path.join(repo, 'samples');
  const source = await createSource(`file://${samples}`, { roots: [samples] });
  const jobs = new PgJobStore(pool);
  const job = await jobs.createJob({ tenantId, source: source.uri, name: 'Shipped samples' });
  await jobs.startListing(job.id);
  const objects = [];
  for await (const object of source.list()) objects.push({ ...object, shard: 0 });
  await jobs.addObjects(job.id, objects);
  await jobs.finishListing(job.id, {
    shards: 1,
    objects: objects.length,
    bytes: objects.reduce((n, o) => n + o.size, 0),
  });
  const scanner = new Scanner({ fingerprintKey: 'report-sample' });
  for (const object of objects) {
    const result = await scanner.scanObject((await source.read(object)).stream, {
      name: object.key,
      size: object.size,
    });
    await jobs.recordObject(job.id, {
      key: object.key,
      status: result.status,
      ...(result.reason ? { reason: result.reason } : {}),
      ...(result.reason_detail ? { reasonDetail: result.reason_detail } : {}),
      result,
      findings: result.findings,
    });
  }
  const store = new LocalReportStore(path.join(work, 'reports'));
  await ensureJobReport({ pool, store }, tenantId, job.id);
  const pdf = path.join(store.dir, tenantId, `${job.id}.pdf`);
  if (values.pdf) await copyFile(pdf, values.pdf);
  const prefix = path.join(work, 'page');
  await promisify(execFile)('pdftoppm', [
    '-png',
    '-r',
    values.dpi,
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    prefix,
  ]);
  await copyFile(`${prefix}.png`, values.out);
  const { findings_count } = (await pool.query('SELECT findings_count FROM jobs WHERE id = $1', [job.id]))
    .rows[0];
  process.stdout.write(`${objects.length} objects, ${findings_count} findings: ${values.out}\n`);
} finally {
  await pool.end();
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
