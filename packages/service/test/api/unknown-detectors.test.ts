import { describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

interface ErrorAnswer {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

async function post(path: string, json: unknown) {
  const res = await api().call(path, { method: 'POST', json });
  return { status: res.status, body: (await res.json()) as ErrorAnswer };
}

describe('unknown detector ids', () => {
  it.each([
    ['/scan', { source: 's3://allowed-bucket/x/' }],
    ['/schedules', { source: 's3://allowed-bucket/x/', cron: '0 2 * * *', timezone: 'UTC' }],
  ])(
    'POST %s naming ids no detector has is a 422 naming each of them, and nothing is created',
    async (path, base) => {
      const { status, body } = await post(path, {
        ...base,
        detectors: ['aws-access-key-id', 'nope', 'also-nope', 'nope'],
      });
      expect(status).toBe(422);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toBe('Unknown detector ids: nope, also-nope');
      expect(body.error.details).toEqual([
        { path: 'body.detectors', message: expect.stringContaining('nope, also-nope') },
      ]);
      const { rows } = await api().db.pool.query(
        'SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM schedules)::int AS schedules',
      );
      expect(rows[0]).toEqual({ jobs: 0, schedules: 0 });
    },
  );

  it('known ids are accepted', async () => {
    const { status } = await post('/scan', {
      source: 's3://allowed-bucket/x/',
      detectors: ['aws-access-key-id', 'us-ssn'],
    });
    expect(status).toBe(202);
  });
});
