import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { EndedJobViews } from '../../src/api/ended-job-views.ts';
import { PgApiStore } from '../../src/api/pg-api-store.ts';
import type {
  FindingPage,
  PageRequest,
  ResultsFilter,
  ResultsKey,
  ResultsSort,
} from '../../src/api/ports.ts';
import { createJobCommands } from '../../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { type CreatedKey, createApiKey } from '../../src/keys/key-store.ts';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertFindings, insertJob } from './fixtures.ts';

/** Notifications cross a real PostgreSQL connection: on a loaded machine they take more than vitest's default 1 s. */
const WAIT = { timeout: 15_000, interval: 50 };

/** The store with its result reads counted (every `GET /results` page that reaches PostgreSQL). */
class CountingStore extends PgApiStore {
  reads = 0;
  override async listFindings(
    tenantId: string,
    filter: ResultsFilter,
    page: PageRequest<ResultsKey>,
    sort?: ResultsSort,
  ): Promise<FindingPage | null> {
    this.reads++;
    return super.listFindings(tenantId, filter, page, sort);
  }
}

const db = useTestDatabase();
let views: EndedJobViews | undefined;
afterEach(async () => {
  await views?.close();
  views = undefined;
});

let acme: CreatedKey;
let globex: CreatedKey;
beforeEach(async () => {
  acme = await createApiKey(db().pool, 'acme');
  globex = await createApiKey(db().pool, 'globex');
});

async function api(pool: pg.Pool, options: { maxPageBytes?: number } = {}) {
  views = new EndedJobViews(options).listen(pool);
  const store = new CountingStore(
    pool,
    createJobCommands(new PgJobStore(pool), enqueuePlanOn(new PgQueue(pool, { name: 'scan' }))),
  );
  const app = createApp({
    store,
    config: { s3Buckets: [], fileRoots: [] },
    logger: createLogger({ level: 'silent' }),
    endedJobs: views,
  });
  const get = async (query: string, key: CreatedKey = acme) => {
    const res = await app.request(`/results?${query}`, { headers: { authorization: `Bearer ${key.key}` } });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const ready = views;
  await vi.waitFor(() => expect(ready.listening).toBe(true), WAIT);
  return { get, store, views: ready };
}

/** One finding written in plain SQL, as a worker still finishing an object would write it. */
async function recordFinding(pool: pg.Pool, jobId: string, tenantId: string, key: string): Promise<void> {
  await pool.query(
    `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
       byte_start, byte_end, line, col, redacted, fingerprint)
     VALUES ($1, $2, $3, 'late.txt', 'email-address', 'pii', 'low', 0.9, 0, 5, 99, 1, 'a***@b.c', md5($3))`,
    [jobId, tenantId, key],
  );
}

const items = (text: string) => (JSON.parse(text) as { items: { location: { line: number } }[] }).items;

describe("an ended job's result pages kept in memory", () => {
  it('answers a page read again from memory, byte for byte, and each query shape on its own', async () => {
    const t = await api(db().pool);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    await insertFindings(db().pool, { id: jobId, tenantId: acme.tenantId }, 30);
    const first = await t.get(`job_id=${jobId}&limit=10`);
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/json');
    expect(items(first.text).map((f) => f.location.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await t.get(`job_id=${jobId}&limit=10`)).toEqual(first);
    expect(await t.get(`job_id=${jobId.toUpperCase()}&limit=10`)).toEqual(first);
    expect(t.store.reads).toBe(1);

    const cursor = (JSON.parse(first.text) as { next_cursor: string }).next_cursor;
    const second = await t.get(`job_id=${jobId}&limit=10&cursor=${cursor}`);
    expect(items(second.text).map((f) => f.location.line)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const emails = await t.get(`job_id=${jobId}&limit=10&detector=email-address`);
    expect(items(emails.text)).toHaveLength(10);
    expect(t.store.reads).toBe(3);
    expect(await t.get(`job_id=${jobId}&limit=10&cursor=${cursor}`)).toEqual(second);
    expect(await t.get(`job_id=${jobId}&limit=10&detector=email-address`)).toEqual(emails);
    expect(t.store.reads).toBe(3);
  });

  it("never serves a kept page to another tenant, nor another tenant's page to its owner", async () => {
    const t = await api(db().pool);
    const acmeJob = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    await insertFindings(db().pool, { id: acmeJob, tenantId: acme.tenantId }, 5);
    expect(items((await t.get(`job_id=${acmeJob}`)).text)).toHaveLength(5);
    expect((await t.get(`job_id=${acmeJob}`, globex)).status).toBe(404);
    expect((await t.get(`job_id=${acmeJob.toUpperCase()}`, globex)).status).toBe(404);
    expect(items((await t.get(`job_id=${acmeJob}`)).text)).toHaveLength(5);
  });

  it('drops the pages when a finding is recorded late or the job is deleted', async () => {
    const t = await api(db().pool);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'cancelled' });
    await insertFindings(db().pool, { id: jobId, tenantId: acme.tenantId }, 3);
    expect(items((await t.get(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(items((await t.get(`job_id=${jobId}`)).text)).toHaveLength(3);
    await recordFinding(db().pool, jobId, acme.tenantId, 'late');
    await vi.waitFor(async () => expect(items((await t.get(`job_id=${jobId}`)).text)).toHaveLength(4), WAIT);
    await db().pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
    await vi.waitFor(async () => expect((await t.get(`job_id=${jobId}`)).status).toBe(404), WAIT);
  });

  it("reads a running job's pages from the database every time, and keeps them once it has ended", async () => {
    const t = await api(db().pool);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'scanning' });
    await insertFindings(db().pool, { id: jobId, tenantId: acme.tenantId }, 2);
    expect(items((await t.get(`job_id=${jobId}`)).text)).toHaveLength(2);
    await recordFinding(db().pool, jobId, acme.tenantId, 'third');
    expect(items((await t.get(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(t.store.reads).toBe(2);
    await db().pool.query("UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = $1", [jobId]);
    expect(items((await t.get(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(items((await t.get(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(t.store.reads).toBe(3);
  });

  it('keeps pages within maxPageBytes, dropping the jobs kept longest first', async () => {
    const t = await api(db().pool, { maxPageBytes: 3000 });
    const jobs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
      await insertFindings(db().pool, { id: jobId, tenantId: acme.tenantId }, 3);
      jobs.push(jobId);
    }
    const page = await t.get(`job_id=${jobs[0]}`);
    // Each page is a little over 1,000 characters: two fit, a third drops the first.
    expect(page.text.length).toBeGreaterThan(1000);
    expect(page.text.length).toBeLessThan(1500);
    for (const jobId of jobs) await t.get(`job_id=${jobId}`);
    expect(t.store.reads).toBe(3);
    await t.get(`job_id=${jobs[2]}`);
    await t.get(`job_id=${jobs[1]}`);
    expect(t.store.reads).toBe(3);
    expect(await t.get(`job_id=${jobs[0]}`)).toEqual(page);
    expect(t.store.reads).toBe(4);
  });
});
