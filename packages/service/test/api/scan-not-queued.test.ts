import { describe, expect, it } from 'vitest';
import { createJobCommands } from '../../src/jobs/job-commands.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useApiHarness } from './harness.ts';

/** The queue is down: every plan message is refused. */
const api = useApiHarness({
  commands: (db) =>
    createJobCommands(new PgJobStore(db.pool), async () => {
      throw new Error('queue endpoint unreachable');
    }),
});

describe('POST /scan while the queue refuses plan messages', () => {
  it('answers 503 to retry, fails the job with a reason, and frees the Idempotency-Key', async () => {
    const body = { source: 's3://allowed-bucket/exports/' };
    const headers = { 'idempotency-key': 'retry-me' };
    const res = await api().call('/scan', { method: 'POST', json: body, headers });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: 'service_unavailable',
        message: 'The scan could not be queued; retry later',
        details: [{ message: 'queue endpoint unreachable' }],
      },
    });
    const { rows } = await api().db.pool.query<{ status: string; status_reason: string }>(
      'SELECT status, status_reason FROM jobs',
    );
    expect(rows).toEqual([{ status: 'failed', status_reason: 'the scan could not be queued' }]);
    // The key was released, so the retry is a new attempt (503 again), not a 409 "in progress".
    expect((await api().call('/scan', { method: 'POST', json: body, headers })).status).toBe(503);
  });
});
