import { describe, expect, it } from 'vitest';
import { withoutApiPrefix } from '../../src/api/app.ts';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

describe('the /api prefix (CloudFront forwards /api/* unchanged)', () => {
  it('routes /api/... as the same path without it', async () => {
    const scan = await api().call('/api/scan', {
      method: 'POST',
      json: { source: 's3://allowed-bucket/x/' },
    });
    expect(scan.status).toBe(202);
    const { job_id } = await scan.json();
    const direct = await (await api().call(`/jobs/${job_id}`)).json();
    const prefixed = await api().call(`/api/jobs/${job_id}`);
    expect(prefixed.status).toBe(200);
    expect((await prefixed.json()).job_id).toBe(direct.job_id);
    // Authentication applies under the prefix too.
    expect((await api().call(`/api/jobs/${job_id}`, { key: null })).status).toBe(401);
    expect((await api().call('/api/health', { key: null })).status).toBe(200);
  });

  it('leaves other paths alone', () => {
    const path = (p: string) => withoutApiPrefix(new Request(`http://x${p}`));
    expect(path('/api')).toBe('/');
    expect(path('/api/jobs?limit=1')).toBe('/jobs');
    expect(path('/apiary')).toBe('/apiary');
    expect(path('/jobs/api/x')).toBe('/jobs/api/x');
  });
});
