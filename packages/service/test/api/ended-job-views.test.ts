import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { EndedJobViews } from '../../src/api/ended-job-views.ts';
import type { JobDetail } from '../../src/api/job-view-cache.ts';
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
import { FINAL_JOB_STATUSES } from '../../src/ports/job-store.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertFindings, insertJob } from './fixtures.ts';

/** Notifications cross a real PostgreSQL connection: on a loaded machine they take more than vitest's default 1 s. */
const WAIT = { timeout: 15_000, interval: 50 };

/** The store with its reads counted: `GET /jobs/{id}` and `GET /results` pages that reach PostgreSQL. */
class CountingStore extends PgApiStore {
  reads: string[] = [];
  pageReads = 0;
  override async getJobDetail(tenantId: string, jobId: string): Promise<JobDetail | null> {
    this.reads.push(jobId);
    return super.getJobDetail(tenantId, jobId);
  }
  override async listFindings(
    tenantId: string,
    filter: ResultsFilter,
    page: PageRequest<ResultsKey>,
    sort?: ResultsSort,
  ): Promise<FindingPage | null> {
    this.pageReads++;
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

function api(pool: pg.Pool, options: { listen: boolean; maxPageBytes?: number }) {
  views = new EndedJobViews({ maxPageBytes: options.maxPageBytes });
  if (options.listen) views.listen(pool);
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
  const get = async (jobId: string, key: CreatedKey = acme, headers: Record<string, string> = {}) => {
    const res = await app.request(`/jobs/${jobId}`, {
      headers: { authorization: `Bearer ${key.key}`, ...headers },
    });
    const text = await res.text();
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      type: res.headers.get('content-type'),
      body: text ? (JSON.parse(text) as JobDetail) : undefined,
    };
  };
  const results = async (query: string, key: CreatedKey = acme) => {
    const res = await app.request(`/results?${query}`, { headers: { authorization: `Bearer ${key.key}` } });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  return { get, results, store, views };
}

describe('ended jobs kept in memory', () => {
  it('answers repeated reads of an ended job from memory, with the same body and ETag', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    const first = await t.get(jobId);
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/json');
    expect(first.body).toMatchObject({ job_id: jobId, status: 'succeeded' });
    const again = await t.get(jobId);
    const third = await t.get(jobId.toUpperCase());
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    expect(t.store.reads).toHaveLength(1);
    expect((await t.get(jobId, acme, { 'if-none-match': first.etag as string })).status).toBe(304);
    expect(t.store.reads).toHaveLength(1);
  });

  it('never serves a kept view to another tenant, whichever tenant asks first', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const acmeJob = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    const globexJob = await insertJob(db().pool, globex.tenantId, { status: 'failed' });
    expect((await t.get(acmeJob)).status).toBe(200);
    expect((await t.get(acmeJob, globex)).status).toBe(404);
    expect((await t.get(acmeJob.toUpperCase(), globex)).status).toBe(404);
    expect((await t.get(globexJob)).status).toBe(404);
    expect((await t.get(globexJob, globex)).body).toMatchObject({ job_id: globexJob, status: 'failed' });
    expect((await t.get(globexJob)).status).toBe(404);
    expect((await t.get(acmeJob, globex)).status).toBe(404);
    expect((await t.get(acmeJob)).status).toBe(200);
  });

  it('drops a kept view when anything writes to the ended job or deletes it, in every final status', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    for (const status of FINAL_JOB_STATUSES) {
      const jobId = await insertJob(db().pool, acme.tenantId, { status });
      expect((await t.get(jobId)).body).toMatchObject({ status, name: null });
      expect((await t.get(jobId)).body).toMatchObject({ status, name: null });
      const reads = t.store.reads.length;
      // Plain SQL, as another process or an operator would write it: no job store publishes it.
      await db().pool.query('UPDATE jobs SET name = $2 WHERE id = $1', [jobId, `renamed-${status}`]);
      await vi.waitFor(async () => expect((await t.get(jobId)).body?.name).toBe(`renamed-${status}`), WAIT);
      expect(t.store.reads.length).toBeGreaterThan(reads);
      await db().pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
      await vi.waitFor(async () => expect((await t.get(jobId)).status).toBe(404), WAIT);
    }
  });

  it('forgets every view on TRUNCATE', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    expect((await t.get(jobId)).status).toBe(200);
    await db().pool.query('TRUNCATE jobs CASCADE');
    await vi.waitFor(async () => expect((await t.get(jobId)).status).toBe(404), WAIT);
  });

  it('reads a running job from the database every time, so its end shows at the next read', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'scanning' });
    expect((await t.get(jobId)).body?.status).toBe('scanning');
    await db().pool.query('UPDATE jobs SET objects_done = 3 WHERE id = $1', [jobId]);
    expect((await t.get(jobId)).body?.progress.objects_done).toBe(3);
    await db().pool.query("UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = $1", [jobId]);
    expect((await t.get(jobId)).body?.status).toBe('succeeded');
    expect(t.store.reads).toHaveLength(3);
    // Kept from its first read as an ended job.
    expect((await t.get(jobId)).body?.status).toBe('succeeded');
    expect(t.store.reads).toHaveLength(3);
  });

  it('answers concurrent reads of a running job alike, and a write shows at the next read, to its tenant only', async () => {
    const t = api(db().pool, { listen: false });
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'scanning' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.get(jobId)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(t.store.reads.length).toBeGreaterThanOrEqual(1);
    await db().pool.query('UPDATE jobs SET objects_done = 5 WHERE id = $1', [jobId]);
    const after = await Promise.all([t.get(jobId), t.get(jobId, globex)]);
    expect(after[0].body?.progress.objects_done).toBe(5);
    expect(after[1].status).toBe(404);
  });

  it('without the feed, reads every request from the database', async () => {
    const t = api(db().pool, { listen: false });
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    expect((await t.get(jobId)).status).toBe(200);
    expect((await t.get(jobId)).status).toBe(200);
    expect(t.store.reads).toHaveLength(2);
  });
});

/**
 * A job with `count` findings that then ends: findings recorded after the end would announce a
 * change and drop what a read keeps, whenever the notification lands.
 */
async function endedJob(tenantId: string, count: number, status = 'succeeded'): Promise<string> {
  const jobId = await insertJob(db().pool, tenantId, { status: 'scanning' });
  await insertFindings(db().pool, { id: jobId, tenantId }, count);
  await db().pool.query('UPDATE jobs SET status = $2, finished_at = now() WHERE id = $1', [jobId, status]);
  return jobId;
}

/** An app whose ended-job feed is up. */
async function listening(options: { maxPageBytes?: number } = {}) {
  const t = api(db().pool, { listen: true, ...options });
  await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
  return t;
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
    const t = await listening();
    const jobId = await endedJob(acme.tenantId, 30);
    const first = await t.results(`job_id=${jobId}&limit=10`);
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/json');
    expect(items(first.text).map((f) => f.location.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await t.results(`job_id=${jobId}&limit=10`)).toEqual(first);
    expect(await t.results(`job_id=${jobId.toUpperCase()}&limit=10`)).toEqual(first);
    expect(t.store.pageReads).toBe(1);

    const cursor = (JSON.parse(first.text) as { next_cursor: string }).next_cursor;
    const second = await t.results(`job_id=${jobId}&limit=10&cursor=${cursor}`);
    expect(items(second.text).map((f) => f.location.line)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const emails = await t.results(`job_id=${jobId}&limit=10&detector=email-address`);
    expect(items(emails.text)).toHaveLength(10);
    expect(t.store.pageReads).toBe(3);
    expect(await t.results(`job_id=${jobId}&limit=10&cursor=${cursor}`)).toEqual(second);
    expect(await t.results(`job_id=${jobId}&limit=10&detector=email-address`)).toEqual(emails);
    expect(t.store.pageReads).toBe(3);
  });

  it("never serves a kept page to another tenant, nor another tenant's page to its owner", async () => {
    const t = await listening();
    const acmeJob = await endedJob(acme.tenantId, 5);
    expect(items((await t.results(`job_id=${acmeJob}`)).text)).toHaveLength(5);
    expect((await t.results(`job_id=${acmeJob}`, globex)).status).toBe(404);
    expect((await t.results(`job_id=${acmeJob.toUpperCase()}`, globex)).status).toBe(404);
    expect(items((await t.results(`job_id=${acmeJob}`)).text)).toHaveLength(5);
  });

  it('drops the pages when a finding is recorded late or the job is deleted', async () => {
    const t = await listening();
    const jobId = await endedJob(acme.tenantId, 3, 'cancelled');
    expect(items((await t.results(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(items((await t.results(`job_id=${jobId}`)).text)).toHaveLength(3);
    await recordFinding(db().pool, jobId, acme.tenantId, 'late');
    await vi.waitFor(
      async () => expect(items((await t.results(`job_id=${jobId}`)).text)).toHaveLength(4),
      WAIT,
    );
    await db().pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
    await vi.waitFor(async () => expect((await t.results(`job_id=${jobId}`)).status).toBe(404), WAIT);
  });

  it("reads a running job's pages from the database every time, and keeps them once it has ended", async () => {
    const t = await listening();
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'scanning' });
    await insertFindings(db().pool, { id: jobId, tenantId: acme.tenantId }, 2);
    expect(items((await t.results(`job_id=${jobId}`)).text)).toHaveLength(2);
    await recordFinding(db().pool, jobId, acme.tenantId, 'third');
    expect(items((await t.results(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(t.store.pageReads).toBe(2);
    await db().pool.query("UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = $1", [jobId]);
    expect(items((await t.results(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(items((await t.results(`job_id=${jobId}`)).text)).toHaveLength(3);
    expect(t.store.pageReads).toBe(3);
  });

  it('keeps pages within maxPageBytes, dropping the jobs kept longest first', async () => {
    const t = await listening({ maxPageBytes: 3000 });
    const jobs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const jobId = await endedJob(acme.tenantId, 3);
      jobs.push(jobId);
    }
    const page = await t.results(`job_id=${jobs[0]}`);
    // Each page is a little over 1,000 characters: two fit, a third drops the first.
    expect(page.text.length).toBeGreaterThan(1000);
    expect(page.text.length).toBeLessThan(1500);
    for (const jobId of jobs) await t.results(`job_id=${jobId}`);
    expect(t.store.pageReads).toBe(3);
    await t.results(`job_id=${jobs[2]}`);
    await t.results(`job_id=${jobs[1]}`);
    expect(t.store.pageReads).toBe(3);
    expect(await t.results(`job_id=${jobs[0]}`)).toEqual(page);
    expect(t.store.pageReads).toBe(4);
  });
});
