import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

let root: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'watch-root-'));
  outside = await mkdtemp(path.join(tmpdir(), 'watch-outside-'));
  await writeFile(path.join(root, 'a-file.txt'), 'x');
  await symlink(outside, path.join(root, 'escape'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const api = useApiHarness({ config: () => ({ fileRoots: [root] }) });
const s3 = { source: 's3://allowed-bucket/uploads/', name: 'uploads', exclude: ['**/*.png'] };

interface Answer extends Record<string, unknown> {
  id: string;
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

async function create(body: unknown, key?: string) {
  const res = await api().call('/watches', { method: 'POST', json: body, ...(key ? { key } : {}) });
  return { res, body: (await res.json()) as Answer };
}

describe('/watches', () => {
  it('creates an S3 watch and a folder watch, lists and reads them', async () => {
    const bucket = await create(s3);
    expect(bucket.res.status).toBe(201);
    expect(bucket.res.headers.get('location')).toBe(`/watches/${bucket.body.id}`);
    expect(bucket.body).toMatchObject({
      source: 's3://allowed-bucket/uploads/',
      name: 'uploads',
      detectors: null,
      exclude: ['**/*.png'],
      rolling_jobs: [],
    });
    const folder = await create({ source: pathToFileURL(root).href, detectors: ['aws-access-key-id'] });
    expect(folder.res.status).toBe(201);
    expect(folder.body).toMatchObject({ source: pathToFileURL(root).href, detectors: ['aws-access-key-id'] });
    const list = await (await api().call('/watches')).json();
    expect(list.items.map((w: Answer) => w.id)).toEqual([bucket.body.id, folder.body.id]);
    expect(list.next_cursor).toBeNull();
    expect(await (await api().call(`/watches/${bucket.body.id}`)).json()).toEqual(bucket.body);
  });

  it('applies the source policy of POST /scan and wants a folder', async () => {
    const cases = [
      { source: 's3://someone-elses-bucket/' },
      { source: pathToFileURL(outside).href },
      { source: `${pathToFileURL(root).href}/escape` },
      { source: `${pathToFileURL(root).href}/a-file.txt` },
      { source: 'https://example.com/' },
    ];
    for (const body of cases) {
      const { res, body: answer } = await create(body);
      expect(res.status, body.source).toBe(422);
      expect(answer.error.code, body.source).toBe('source_not_allowed');
    }
    expect((await create({ ...s3, cron: '* * * * *' })).res.status).toBe(422);
    expect((await create({ ...s3, detectors: ['no-such-detector'] })).res.status).toBe(422);
    expect(await (await api().call('/watches')).json()).toEqual({ items: [], next_cursor: null });
  });

  it('refuses a second watch of the same source with 409', async () => {
    const first = await create(s3);
    const again = await create({ ...s3, name: 'again' });
    expect(again.res.status).toBe(409);
    expect(again.body.error.details).toEqual([
      { path: 'body.source', message: `watched by ${first.body.id}` },
    ]);
    // Another tenant may watch the same source.
    expect((await create(s3, api().globex.key)).res.status).toBe(201);
  });

  it("keeps tenants apart: another tenant's watch is 404 and never listed", async () => {
    const { body } = await create(s3);
    const other = api().globex.key;
    expect((await api().call(`/watches/${body.id}`, { key: other })).status).toBe(404);
    expect((await api().call(`/watches/${body.id}`, { method: 'DELETE', key: other })).status).toBe(404);
    expect(await (await api().call('/watches', { key: other })).json()).toEqual({
      items: [],
      next_cursor: null,
    });
  });

  it('deletes a watch (204), then it is gone (404)', async () => {
    const { body } = await create(s3);
    expect((await api().call(`/watches/${body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api().call(`/watches/${body.id}`)).status).toBe(404);
    expect((await api().call(`/watches/${body.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await api().call('/watches/not-a-uuid')).status).toBe(422);
  });

  it('pages with a keyset cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create({ source: `s3://allowed-bucket/p${i}/` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = await (
        await api().call(`/watches?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((w) => w.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('needs a key and is in the OpenAPI document', async () => {
    expect((await api().call('/watches', { key: null })).status).toBe(401);
    const doc = await (await api().call('/openapi.json', { key: null })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/watches', '/watches/{watch_id}']));
  });
});
