import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanCostModel } from '../../src/estimate/scan-cost-model.ts';
import { estimateScan } from '../../src/estimate/scan-estimate.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { useApiHarness } from './harness.ts';

let root = '';
beforeAll(async () => {
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'estimate-')));
  await mkdir(path.join(root, 'logs'));
  for (let i = 0; i < 10; i++) await writeFile(path.join(root, 'logs', `app-${i}.log`), 'x'.repeat(1000));
  for (let i = 0; i < 4; i++) await writeFile(path.join(root, `export-${i}.csv`), 'y'.repeat(5000));
  await writeFile(path.join(root, 'photo.png'), 'z'.repeat(300));
  await writeFile(path.join(root, 'README'), 'r'.repeat(10));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const model = scanCostModel('data-scanner');
const api = useApiHarness({
  config: () => ({ fileRoots: [root] }),
  estimates: () => ({
    openSource: (uri) => createSource(uri, { roots: [root] }),
    costModel: model,
    maxObjects: 100,
  }),
});

async function estimate(json: unknown) {
  const res = await api().call('/scan/estimate', { method: 'POST', json });
  return { res, body: await res.json() };
}

describe('POST /scan/estimate', () => {
  it('lists the source and returns objects, bytes by format, skips by rule, hours and cost', async () => {
    const { res, body } = await estimate({ source: pathToFileURL(root).href, exclude: ['**/*.png'] });
    expect(res.status).toBe(200);
    const bytes = 10 * 1000 + 4 * 5000 + 10;
    const hours = bytes / model.bytesPerSecond / 3600;
    expect(body).toEqual({
      source: pathToFileURL(root).href,
      objects: 15,
      bytes,
      by_format: {
        csv: { objects: 4, bytes: 20000 },
        log: { objects: 10, bytes: 10000 },
        '(none)': { objects: 1, bytes: 10 },
      },
      skipped: { excluded: 1, sampled_out: 0, unscannable: 0 },
      listing_complete: true,
      profile: 'data-scanner',
      worker_bytes_per_second: model.bytesPerSecond,
      estimated_hours: { one_worker: hours, max_workers: hours / 5, workers: 5 },
      estimated_cost_usd: 15 * model.usdPerObject + bytes * model.usdPerByte,
    });
    // Nothing was queued: an estimate is not a job.
    expect((await api().db.pool.query('SELECT count(*)::int AS n FROM jobs')).rows[0].n).toBe(0);
  });

  it('applies the sample, and says when listing stopped at its cap', async () => {
    const sampled = await estimate({
      source: pathToFileURL(root).href,
      sample: { max_objects_per_prefix: 2, max_bytes_per_object: 100 },
    });
    // README (10 bytes) and export-0.csv come first at the top, app-0 and app-1 in logs/.
    expect(sampled.body).toMatchObject({ objects: 4, bytes: 310, skipped: { sampled_out: 12 } });
    const capped = await estimateScan(await createSource(pathToFileURL(root).href, { roots: [root] }), {
      costModel: model,
      maxObjects: 5,
    });
    expect(capped).toMatchObject({ objects: 5, listing_complete: false });
  });

  it('refuses a source outside the policy, and needs a key', async () => {
    expect((await estimate({ source: 'file:///etc' })).res.status).toBe(422);
    const anonymous = await api().call('/scan/estimate', {
      method: 'POST',
      json: { source: 's3://allowed-bucket/' },
      key: null,
    });
    expect(anonymous.status).toBe(401);
  });
});
