import { Scanner } from '@data-scanner/detect';
import { createBaseline, fingerprintKeyId } from '@data-scanner/detect/baseline';
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
import type { ExposureDetailView, ExposureView } from '../../src/views/exposure-schemas.ts';
import { scannedJob } from '../reports/support.ts';
import { fakeAwsKeyId } from '../support/fake-secrets.ts';
import { TEST_FINGERPRINT_KEY, useApiHarness } from './harness.ts';

const api = useApiHarness({
  reports: (db) => ({ pool: db.pool, store: { has: fail, put: fail, open: fail } }),
});

async function fail(): Promise<never> {
  throw new Error('not used');
}

const EMAIL = (i: number) => `contact: user${i}@northwind-traders.com\n`;
const AWS = (i: number) => `aws_access_key_id=${fakeAwsKeyId(i)}\n`;

/** A scanned job of acme (or `tenant`) over `objects`, as the worker records it. */
const scan = (objects: Record<string, string>, tenant = api().acme.tenantId) =>
  scannedJob(
    api().db.pool,
    tenant,
    Object.entries(objects).map(([key, text]) => ({ key, text })),
  );

interface Page {
  items: ExposureView[];
  next_cursor: string | null;
}

async function collect(query: string, key?: string): Promise<{ pages: number; items: ExposureView[] }> {
  const items: ExposureView[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const res = await api().call(`/findings?${query}${cursor ? `&cursor=${cursor}` : ''}`, { key });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    items.push(...page.items);
    cursor = page.next_cursor;
    pages++;
  } while (cursor && pages < 100);
  return { pages, items };
}

describe('GET /findings', () => {
  it('lists one row per exposure across jobs, most severe first, and pages without repeats in every order', async () => {
    const objects: Record<string, string> = {};
    for (let i = 0; i < 12; i++) objects[`keys/k${i}.env`] = AWS(i % 4) + EMAIL(i);
    await scan(objects);
    await scan({ 'other/x.env': AWS(0) });
    const { items, pages } = await collect('limit=5');
    expect(pages).toBe(4);
    expect(items).toHaveLength(16);
    expect(new Set(items.map((e) => e.id)).size).toBe(16);
    const ranks = items.map((e) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(e.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const aws0 = items.find((e) => e.redacted?.endsWith(fakeAwsKeyId(0).slice(-4)));
    expect(aws0).toMatchObject({ kind: 'value', detector: 'aws-access-key-id', occurrences: 1, objects: 1 });
    expect(aws0?.sources).toEqual(['s3://allowed-bucket/data/']);

    for (const sort of ['count', '-count', 'lastSeen', '-lastSeen', 'firstSeen', '-firstSeen', 'severity']) {
      const sorted = await collect(`sort=${sort}&limit=3`);
      expect(new Set(sorted.items.map((e) => e.id)).size, sort).toBe(16);
    }
    const byCount = (await collect('sort=-count&limit=4')).items.map((e) => e.occurrences);
    expect(byCount).toEqual([...byCount].sort((a, b) => b - a));
  });

  it('filters by state, severity, category, detector, source, object prefix, first seen and job', async () => {
    const first = await scan({ 'a/one.env': AWS(1), 'b/two.txt': EMAIL(2) });
    const second = await scan({ 'a/three.env': AWS(3) });
    const ids = async (query: string) => (await collect(query)).items.map((e) => e.detector).sort();
    expect(await ids('category=credentials')).toEqual(['aws-access-key-id', 'aws-access-key-id']);
    expect(await ids('detector=email')).toEqual(['email']);
    expect(await ids('object=a/')).toEqual(['aws-access-key-id', 'aws-access-key-id']);
    expect(await ids('object=b/two')).toEqual(['email']);
    expect(await ids('object=c/')).toEqual([]);
    expect((await collect(`job=${second}`)).items).toHaveLength(1);
    expect((await collect(`job=${first}`)).items).toHaveLength(2);
    expect((await collect('source=s3://allowed-bucket/data/')).items).toHaveLength(3);
    expect((await collect('source=s3://elsewhere/')).items).toHaveLength(0);
    expect((await collect('firstSeenAfter=2999-01-01T00:00:00Z')).items).toHaveLength(0);
    expect((await collect('firstSeenAfter=2000-01-01T00:00:00Z')).items).toHaveLength(3);
    const severity = (await collect('detector=email')).items[0]?.severity;
    expect((await collect(`severity=${severity}`)).items.every((e) => e.severity === severity)).toBe(true);
    // The second job scanned the same source completely: what it did not find is resolved.
    expect((await collect('state=open')).items.map((e) => e.redacted)).toEqual([
      expect.stringMatching(new RegExp(`${fakeAwsKeyId(3).slice(-4)}$`)),
    ]);
    expect((await collect('state=resolved')).items).toHaveLength(2);
    expect((await collect('state=false_positive')).items).toHaveLength(0);
    expect((await api().call('/findings?state=closed')).status).toBe(422);
    expect((await api().call('/findings?sort=-count&cursor=bm9wZQ')).status).toBe(422);
  });
});

describe('GET /findings/{id}', () => {
  it('shows occurrences across jobs and objects a page at a time, the history and a remediation hint', async () => {
    const first = await scan({ 'one.env': AWS(5), 'two.env': AWS(5) });
    const second = await scan({ 'three.env': AWS(5) });
    const [exposure] = (await collect('')).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    let detail: ExposureDetailView | undefined;
    do {
      const res = await api().call(`/findings/${exposure?.id}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      detail = (await res.json()) as ExposureDetailView;
      for (const o of detail.occurrences_page.items)
        seen.push(`${o.job_id === first ? 1 : o.job_id === second ? 2 : 0}:${o.object.key}`);
      cursor = detail.occurrences_page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['2:three.env', '1:two.env', '1:one.env']);
    expect(detail?.remediation).toMatch(/IAM/);
    expect(detail?.history).toEqual([]);
    expect(JSON.stringify(detail)).not.toContain(fakeAwsKeyId(5));
    const onlySecond = (await (
      await api().call(`/findings/${exposure?.id}?job=${second}`)
    ).json()) as ExposureDetailView;
    expect(onlySecond.occurrences_page.items).toHaveLength(1);
  });
});

describe('changing states', () => {
  it('records who changed a state, when and why, one by one and in bulk', async () => {
    await scan({ 'a.env': AWS(1) + AWS(2) + AWS(3) });
    const named = await createApiKey(api().db.pool, 'acme', 'alice-laptop');
    const [one, two, three] = (await collect('sort=firstSeen')).items;
    const patched = await api().call(`/findings/${one?.id}`, {
      method: 'PATCH',
      key: named.key,
      json: { state: 'false_positive', note: 'test fixture' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: one?.id, state: 'false_positive' });

    const triaged = await api().call('/findings/triage', {
      method: 'POST',
      json: { ids: [one?.id, two?.id, three?.id, '0f8fad5b-d9cb-469f-a165-70867728950e'], state: 'revoked' },
    });
    expect(await triaged.json()).toEqual({ updated: 3, unchanged: 0, not_found: 1 });
    const again = await api().call('/findings/triage', {
      method: 'POST',
      json: { ids: [one?.id], state: 'revoked', note: 'again' },
    });
    expect(await again.json()).toEqual({ updated: 0, unchanged: 1, not_found: 0 });

    const detail = (await (await api().call(`/findings/${one?.id}`)).json()) as ExposureDetailView;
    expect(detail.state).toBe('revoked');
    expect(detail.history.map((h) => [h.actor, h.from_state, h.to_state, h.note])).toEqual([
      [`key ${api().acme.prefix}`, 'false_positive', 'revoked', null],
      ['alice-laptop', 'open', 'false_positive', 'test fixture'],
    ]);
    expect(
      (await api().call(`/findings/${one?.id}`, { method: 'PATCH', json: { state: 'gone' } })).status,
    ).toBe(422);
    const tooMany = Array.from({ length: 1001 }, () => one?.id);
    expect(
      (await api().call('/findings/triage', { method: 'POST', json: { ids: tooMany, state: 'open' } }))
        .status,
    ).toBe(422);
  });
});

describe('tenant isolation', () => {
  it("answers 404 for another tenant's exposure on every route and never lists or changes it", async () => {
    await scan({ 'theirs.env': AWS(9) }, api().globex.tenantId);
    const [theirs] = (await collect('', api().globex.key)).items;
    expect(theirs).toBeDefined();
    expect((await collect('')).items).toEqual([]);
    expect((await api().call(`/findings/${theirs?.id}`)).status).toBe(404);
    expect(
      (await api().call(`/findings/${theirs?.id}`, { method: 'PATCH', json: { state: 'revoked' } })).status,
    ).toBe(404);
    const triaged = await api().call('/findings/triage', {
      method: 'POST',
      json: { ids: [theirs?.id], state: 'revoked' },
    });
    expect(await triaged.json()).toEqual({ updated: 0, unchanged: 0, not_found: 1 });
    const exported = await (await api().call('/findings/export?format=jsonl')).text();
    expect(exported.trim().split('\n')).toHaveLength(1);
    expect((await collect('', api().globex.key)).items[0]?.state).toBe('open');
    // A baseline holding their value leaves their exposure alone.
    const fingerprint = theirs?.fingerprint as string;
    const baseline = createBaseline(TEST_FINGERPRINT_KEY, [{ detector: 'aws-access-key-id', fingerprint }]);
    expect((await api().call('/baselines', { method: 'POST', json: baseline })).status).toBe(201);
    expect((await collect('', api().globex.key)).items[0]?.state).toBe('open');
    for (const path of ['/findings', `/findings/${theirs?.id}`, '/findings/export?format=csv']) {
      expect((await api().call(path, { key: null })).status).toBe(401);
    }
  });
});

describe('POST /baselines', () => {
  it('refuses a baseline made with another key, naming both key ids', async () => {
    const baseline = createBaseline('another-key', [
      { detector: 'aws-access-key-id', fingerprint: 'a'.repeat(64) },
    ]);
    const res = await api().call('/baselines?name=old', { method: 'POST', json: baseline });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.message).toContain(fingerprintKeyId('another-key'));
    expect(body.error.message).toContain(fingerprintKeyId(TEST_FINGERPRINT_KEY));
    const broken = await api().call('/baselines', {
      method: 'POST',
      json: { ...baseline, entries: [{ detector: 'x' }] },
    });
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.message).toMatch(/entries #1: fingerprint must be 64 hex characters/);
  });

  it('suppresses imported values in later scans and keeps only fingerprints and places', async () => {
    const scanner = new Scanner({ fingerprintKey: TEST_FINGERPRINT_KEY });
    const known = (await scanner.scanText(AWS(4), 'a.env')).findings[0];
    const baseline = createBaseline(TEST_FINGERPRINT_KEY, [
      {
        detector: known?.detector as string,
        fingerprint: known?.fingerprint as string,
        path: 'a.env',
        line: 1,
      },
    ]);
    const res = await api().call('/baselines?name=legacy', { method: 'POST', json: baseline });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: 'legacy', entries: 1, values: 1, suppressed: 1 });

    const job = await scan({ 'a.env': AWS(4), 'b.env': AWS(6) });
    const view = await (await api().call(`/jobs/${job}`)).json();
    expect(view.exposures).toMatchObject({ new: 1, open: 1, suppressed: 1, resolved: 0 });
    const states = (await collect('sort=firstSeen')).items.map((e) => e.state);
    expect(states).toEqual(['accepted_risk', 'open']);
    const [accepted] = (await collect('state=accepted_risk')).items;
    const detail = (await (await api().call(`/findings/${accepted?.id}`)).json()) as ExposureDetailView;
    expect(detail.history[0]).toMatchObject({ actor: 'baseline:legacy', to_state: 'accepted_risk' });
    expect(detail.history[0]?.note).toContain('baseline legacy');
    const stored = await api().db.pool.query('SELECT * FROM baseline_entries');
    expect(JSON.stringify(stored.rows)).not.toContain(fakeAwsKeyId(4));
    expect(stored.rows).toEqual([
      expect.objectContaining({
        detector: 'aws-access-key-id',
        fingerprint: known?.fingerprint,
        path: 'a.env',
        line: 1,
      }),
    ]);
  });
});

describe('GET /results filters and order', () => {
  it('filters by severity and category, matches object prefixes, and sorts by severity or object', async () => {
    const job = await scan({ 'z/a.env': AWS(1) + EMAIL(1), 'y/b.txt': EMAIL(2), 'z/c.env': AWS(2) });
    const all = async (query: string) => {
      const items: { object: { key: string }; severity: string; category: string }[] = [];
      let cursor: string | null = null;
      do {
        const res = await api().call(
          `/results?job_id=${job}&limit=1&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        const page = await res.json();
        items.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor);
      return items;
    };
    expect((await all('category=credentials')).every((f) => f.category === 'credentials')).toBe(true);
    expect(await all('category=credentials')).toHaveLength(2);
    expect((await all('object=z/')).map((f) => f.object.key).sort()).toEqual([
      'z/a.env',
      'z/a.env',
      'z/c.env',
    ]);
    expect(await all('object=z/a')).toHaveLength(2);
    const bySeverity = (await all('sort=severity')).map((f) => f.severity);
    expect(bySeverity).toHaveLength(4);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    expect(bySeverity.map((s) => order.indexOf(s))).toEqual(bySeverity.map((s) => order.indexOf(s)).sort());
    const credentialSeverity = (await all('category=credentials'))[0]?.severity;
    expect(
      (await all(`sort=severity&severity=${credentialSeverity}`)).every(
        (f) => f.severity === credentialSeverity,
      ),
    ).toBe(true);
    expect((await all('sort=object')).map((f) => f.object.key)).toEqual([
      'y/b.txt',
      'z/a.env',
      'z/a.env',
      'z/c.env',
    ]);
    expect((await api().call(`/results?job_id=${job}&sort=object&cursor=bm9wZQ`)).status).toBe(422);
  });
});

describe('exports', () => {
  it('labels an export of a running job partial in its content and its file name', async () => {
    const { rows } = await api().db.pool.query<{ id: string }>(
      `INSERT INTO jobs (tenant_id, source, status) VALUES ($1, 's3://allowed-bucket/data/', 'scanning') RETURNING id`,
      [api().acme.tenantId],
    );
    const running = rows[0]?.id as string;
    const csv = await api().call(`/jobs/${running}/export?format=csv`);
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="data-scanner-${running}-partial.csv"`,
    );
    expect((await csv.text()).split('\n')[0]).toMatch(/^# partial: the job is scanning/);
    const json = await (await api().call(`/jobs/${running}/export?format=json`)).json();
    expect(json.partial).toBe(true);
    const sarif = await (await api().call(`/jobs/${running}/export?format=sarif`)).json();
    expect(sarif.runs[0].automationDetails.properties).toMatchObject({ partial: true, status: 'scanning' });
    const jsonl = await (await api().call(`/jobs/${running}/export?format=jsonl`)).text();
    expect(JSON.parse(jsonl.split('\n')[0] as string)).toEqual({ kind: 'partial', status: 'scanning' });
    const filtered = await api().call(`/findings/export?format=csv&job=${running}`);
    expect(filtered.headers.get('content-disposition')).toContain('-partial.csv');

    const done = await scan({ 'a.env': AWS(1) });
    const finished = await api().call(`/jobs/${done}/export?format=csv`);
    expect(finished.headers.get('content-disposition')).toBe(
      `attachment; filename="data-scanner-${done}.csv"`,
    );
    expect(await finished.text()).not.toContain('partial');
  });

  it('exports a filtered /findings view as CSV, JSON and SARIF without raw values', async () => {
    await scan({ 'a.env': AWS(1) + AWS(2), 'b.txt': EMAIL(3) });
    const csv = (await (await api().call('/findings/export?format=csv&category=credentials')).text())
      .trim()
      .split('\r\n');
    expect(csv[0]).toMatch(/^id,state,severity,category,detector/);
    expect(csv).toHaveLength(3);
    const json = await (await api().call('/findings/export?format=json&detector=email')).json();
    expect(json.findings).toHaveLength(1);
    expect(json.filter).toEqual({ detector: 'email' });
    const sarif = await (await api().call('/findings/export?format=sarif')).json();
    expect(sarif.runs[0].results).toHaveLength(3);
    const all = JSON.stringify([csv, json, sarif]);
    expect(all).not.toContain(fakeAwsKeyId(1));
  });
});
