import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
import { useTestDatabase } from '../support/database.ts';
import { lambdaContext, restEvent } from './rest-event.ts';

/** A REST proxy result; events carrying multi-value headers get multi-value headers back. */
interface ProxyResult {
  statusCode: number;
  multiValueHeaders: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}
type Handler = (event: unknown, context: unknown) => Promise<ProxyResult>;

const db = useTestDatabase();
const saved = { ...process.env };
let key = '';

async function load(name: 'scan' | 'jobs' | 'results'): Promise<Handler> {
  const mod = (await import(`../../src/lambda/${name}.ts`)) as { handler: Handler };
  return mod.handler;
}

beforeEach(async () => {
  vi.resetModules();
  process.env.DATABASE_URL = db().url;
  process.env.SCAN_S3_BUCKETS = 'allowed-bucket';
  process.env.LOG_LEVEL = 'silent';
  delete process.env.SCAN_QUEUE_URL;
  delete process.env.QUEUE_KIND;
  key = (await createApiKey(db().pool, 'acme')).key;
});
afterEach(() => {
  process.env = { ...saved };
});

const auth = () => ({ Authorization: `Bearer ${key}` });

describe('Lambda handlers behind an API Gateway REST proxy (v1 events)', () => {
  it('scan → jobs → results: submit, read the job, read its findings, on the real database', async () => {
    const scan = await load('scan');
    const submitted = await scan(
      restEvent({
        method: 'POST',
        path: '/scan',
        resource: '/scan',
        headers: { ...auth(), 'Content-Type': 'application/json', 'Idempotency-Key': 'deploy-42' },
        body: JSON.stringify({ source: 's3://allowed-bucket/exports/' }),
      }),
      lambdaContext,
    );
    expect(submitted.statusCode).toBe(202);
    expect(submitted.multiValueHeaders['x-request-id']?.[0]).toBeTruthy();
    const { job_id } = JSON.parse(submitted.body) as { job_id: string };
    const { rows: queued } = await db().pool.query("SELECT body FROM queue_messages WHERE queue = 'scan'");
    expect(queued.map((r) => r.body)).toEqual([JSON.stringify({ type: 'plan', job_id })]);

    const jobs = await load('jobs');
    const job = await jobs(
      restEvent({
        method: 'GET',
        path: `/jobs/${job_id}`,
        resource: '/jobs/{job_id}',
        pathParameters: { job_id },
        headers: auth(),
      }),
      lambdaContext,
    );
    expect(job.statusCode).toBe(200);
    expect(JSON.parse(job.body)).toMatchObject({
      job_id,
      status: 'queued',
      source: 's3://allowed-bucket/exports/',
    });

    const { rows: tenant } = await db().pool.query("SELECT id FROM tenants WHERE name = 'acme'");
    await db().pool.query(
      `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
         byte_start, byte_end, line, col, redacted, fingerprint)
       SELECT $1, $2, 'k' || g, 'a.env', 'aws-access-key-id', 'credentials', 'critical', 0.99, 0, 20, g, 1,
         'AKIA************MPLE', md5(g::text) FROM generate_series(1, 3) AS g`,
      [job_id, tenant[0].id],
    );
    const results = await load('results');
    const page = await results(
      restEvent({
        method: 'GET',
        path: '/results',
        resource: '/results',
        query: { job_id, limit: '2' },
        headers: auth(),
      }),
      lambdaContext,
    );
    expect(page.statusCode).toBe(200);
    const body = JSON.parse(page.body) as { items: { detector: string }[]; next_cursor: string };
    expect(body.items).toHaveLength(2);
    const rest = await results(
      restEvent({
        method: 'GET',
        path: '/results',
        resource: '/results',
        query: { job_id, limit: '2', cursor: body.next_cursor },
        headers: auth(),
      }),
      lambdaContext,
    );
    expect((JSON.parse(rest.body) as { items: unknown[]; next_cursor: null }).items).toHaveLength(1);
  });

  it('answers client mistakes with 4xx JSON errors, never 5xx', async () => {
    const scan = await load('scan');
    const cases = [
      restEvent({ method: 'POST', path: '/scan', resource: '/scan', body: '{}' }),
      restEvent({
        method: 'POST',
        path: '/scan',
        resource: '/scan',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{"source": "s3://not-allowed/"}',
      }),
      restEvent({
        method: 'POST',
        path: '/scan',
        resource: '/scan',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{not json',
      }),
    ];
    const statuses = [];
    for (const event of cases) {
      const res = await scan(event, lambdaContext);
      expect(res.multiValueHeaders['content-type']?.[0]).toContain('application/json');
      expect(JSON.parse(res.body)).toHaveProperty('error.code');
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 422, 400]);
    const jobs = await load('jobs');
    const other = await jobs(
      restEvent({
        method: 'GET',
        path: '/jobs/0f8fad5b-d9cb-469f-a165-70867728950e',
        resource: '/jobs/{job_id}',
        pathParameters: { job_id: '0f8fad5b-d9cb-469f-a165-70867728950e' },
        headers: auth(),
      }),
      lambdaContext,
    );
    expect(other.statusCode).toBe(404);
  });
});
