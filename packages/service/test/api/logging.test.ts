import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { PgApiStore } from '../../src/api/pg-api-store.ts';
import { createJobCommands } from '../../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { createApiKey } from '../../src/keys/key-store.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { apiKeySecret } from '../support/api-key-secret.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('request logs', () => {
  it('carry the request id on every line and never the API key', async () => {
    const pool = db().pool;
    const { key } = await createApiKey(pool, 'acme');
    const { lines, logger } = capture();
    const app = createApp({
      store: new PgApiStore(
        pool,
        createJobCommands(new PgJobStore(pool), enqueuePlanOn(new PgQueue(pool, { name: 'scan' }))),
      ),
      config: { s3Buckets: ['allowed-bucket'], fileRoots: [] },
      logger,
    });
    const ok = await app.request('/scan', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'x-request-id': 'req-123',
      },
      body: JSON.stringify({ source: 's3://allowed-bucket/x/' }),
    });
    expect(ok.status).toBe(202);
    const bad = await app.request('/jobs', {
      headers: { authorization: `Bearer ${key}x`, 'x-request-id': 'req-456' },
    });
    expect(bad.status).toBe(401);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => [l.request_id, l.status])).toEqual([
      ['req-123', 202],
      ['req-456', 401],
    ]);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/scan', msg: 'request' });
    expect(JSON.stringify(lines)).not.toContain(apiKeySecret(key));
  });
});
