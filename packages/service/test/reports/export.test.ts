import { CSV_HEADER, detectors } from '@data-scanner/detect';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/reports/index.ts';
import type { FindingView } from '../../src/views/schemas.ts';
import { insertFindings, insertJob } from '../api/fixtures.ts';
import { useApiHarness } from '../api/harness.ts';
import { RAW, scannedJob } from './support.ts';

/** Every findings batch query the exporter ran: rows returned, and lines the client had read by then. */
interface BatchQuery {
  rows: number;
  limit: number;
  linesReadBefore: number;
}

const batches: BatchQuery[] = [];
let linesRead = 0;
let batchesInFlight = 0;

/** Records the exporter's batch queries on the pool it is given (pg's own `query`, wrapped). */
function recordBatches(pool: pg.Pool): pg.Pool {
  const query = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  const recording = async (text: string, values?: unknown[]) => {
    const linesReadBefore = linesRead;
    if (!/FROM findings WHERE job_id = \$1 AND seq > \$2 ORDER BY seq LIMIT \$3/.test(text))
      return query(text, values);
    batchesInFlight++;
    try {
      const result = await query(text, values);
      batches.push({ rows: result.rows.length, limit: Number(values?.[2]), linesReadBefore });
      return result;
    } finally {
      batchesInFlight--;
    }
  };
  pool.query = recording as typeof pool.query;
  return pool;
}

/**
 * Resolves once the exporter has no batch query running through several turns of the event loop:
 * an exporter that reads ahead of its client starts its next query in the same turn the last one
 * ends, so it only stops here once it has read everything.
 */
async function exporterIdle(): Promise<void> {
  for (let quiet = 0; quiet < 10; ) {
    await new Promise((resolve) => setImmediate(resolve));
    quiet = batchesInFlight === 0 ? quiet + 1 : 0;
  }
}

const api = useApiHarness({
  reports: (db) => ({ pool: recordBatches(db.pool), store: { has: fail, put: fail, open: fail } }),
});

async function fail(): Promise<never> {
  throw new Error('exports do not touch the report store');
}

async function exportOf(jobId: string, format: string, key?: string): Promise<Response> {
  return api().call(`/jobs/${jobId}/export?format=${format}`, key ? { key } : {});
}

/** Findings in the streaming test: 25 batches. `npm run bench:export` streams 1,000,000 and prints the figures. */
const MANY = 25_000;

describe('GET /jobs/{id}/export', () => {
  it('streams 25,000 findings, reading one bounded batch at a time as the client reads', async () => {
    const tenantId = api().acme.tenantId;
    const jobId = await insertJob(api().db.pool, tenantId, { status: 'succeeded' });
    await insertFindings(api().db.pool, { id: jobId, tenantId }, MANY);
    // A running server's autovacuum analyzes the table as findings arrive; one bulk INSERT outruns it.
    await api().db.pool.query('ANALYZE findings');
    batches.length = 0;
    linesRead = 0;

    const res = await exportOf(jobId, 'jsonl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let partial = '';
    let first: FindingView | undefined;
    let last: FindingView | undefined;
    for (let chunk = 0; ; chunk++) {
      if (chunk === 1) {
        // A client that stops reading stops the exporter a few batches in.
        await exporterIdle();
        expect(batches.length).toBeLessThanOrEqual(4);
      }
      const { done, value } = await reader.read();
      if (done) break;
      const text = partial + decoder.decode(value, { stream: true });
      const end = text.lastIndexOf('\n');
      const complete = text.slice(0, end + 1);
      partial = text.slice(end + 1);
      let lines = 0;
      for (let i = complete.indexOf('\n'); i !== -1; i = complete.indexOf('\n', i + 1)) lines++;
      first ??= JSON.parse(complete.slice(0, complete.indexOf('\n'))) as FindingView;
      last = JSON.parse(complete.slice(complete.lastIndexOf('\n', complete.length - 2) + 1)) as FindingView;
      linesRead += lines;
    }
    expect(partial).toBe('');
    expect(linesRead).toBe(MANY);
    expect(first?.location.line).toBe(1);
    expect(last?.location.line).toBe(MANY);

    // 25 full batches and the empty read that ends the keyset walk, never more than 1,000 rows each.
    expect(batches).toHaveLength(MANY / 1000 + 1);
    expect(Math.max(...batches.map((b) => b.rows))).toBe(1000);
    expect(batches.every((b) => b.limit === 1000)).toBe(true);
    // Pulled by the reader: batch k is read only once the client has taken all but the last few batches.
    batches.forEach((b, k) => {
      expect(b.linesReadBefore).toBeGreaterThanOrEqual((k - 3) * 1000);
    });
  });

  it('writes each format as a whole document of every finding', async () => {
    const tenantId = api().acme.tenantId;
    const jobId = await insertJob(api().db.pool, tenantId, { status: 'succeeded' });
    await insertFindings(api().db.pool, { id: jobId, tenantId }, 2500);
    const results = (await (await api().call(`/results?job_id=${jobId}&limit=1`)).json()) as {
      items: FindingView[];
    };

    const bodies: Record<string, string> = {};
    for (const format of EXPORT_FORMATS) {
      const res = await exportOf(jobId, format);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="data-scanner-${jobId}.${format}"`,
      );
      bodies[format] = await res.text();
    }

    const json = JSON.parse(bodies.json!) as {
      job: { job_id: string; status: string };
      findings: FindingView[];
    };
    expect(json.job).toMatchObject({ job_id: jobId, status: 'succeeded' });
    expect(json.findings).toHaveLength(2500);
    expect(json.findings[0]).toEqual(results.items[0]);
    expect(new Set(json.findings.map((f) => f.id)).size).toBe(2500);

    const lines = bodies.jsonl!.trimEnd().split('\n');
    expect(lines).toHaveLength(2500);
    expect(lines.map((l) => JSON.parse(l) as FindingView)).toEqual(json.findings);

    const sarif = JSON.parse(bodies.sarif!);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(detectors.map((d) => d.id));
    expect(run.results).toHaveLength(2500);
    expect(run.results[0]).toMatchObject({
      ruleId: json.findings[0]!.detector,
      partialFingerprints: { 'dataScannerValue/v1': json.findings[0]!.fingerprint },
    });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      json.findings[0]!.object.key,
    );

    const rows = bodies.csv!.split('\r\n');
    expect(`${rows[0]}\r\n`).toBe(CSV_HEADER);
    expect(rows.at(-1)).toBe('');
    expect(rows).toHaveLength(2502);
    const header = rows[0]!.split(',');
    const cells = rows[1]!.split(',');
    expect(cells).toHaveLength(header.length);
    expect(cells[header.indexOf('fingerprint')]).toBe(json.findings[0]!.fingerprint);
  });

  it('sets each format’s content type', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    const types = Object.fromEntries(
      await Promise.all(
        EXPORT_FORMATS.map(async (f) => {
          const res = await exportOf(jobId, f);
          await res.arrayBuffer();
          return [f, res.headers.get('content-type')];
        }),
      ),
    );
    expect(types).toEqual({
      sarif: 'application/sarif+json',
      csv: 'text/csv; charset=utf-8',
      json: 'application/json',
      jsonl: 'application/x-ndjson',
    });
  });

  it('writes valid empty documents for a job with no findings', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    expect(JSON.parse(await (await exportOf(jobId, 'json')).text()).findings).toEqual([]);
    expect(JSON.parse(await (await exportOf(jobId, 'sarif')).text()).runs[0].results).toEqual([]);
    expect(await (await exportOf(jobId, 'csv')).text()).toBe(CSV_HEADER);
    expect(await (await exportOf(jobId, 'jsonl')).text()).toBe('');
  });

  it('exports a running job (the findings so far) and never a raw value', async () => {
    const tenantId = api().acme.tenantId;
    const done = await scannedJob(api().db.pool, tenantId, [
      { key: 'a.txt', text: `mail ${RAW.email}\npassword = "${RAW.password}"\ncard ${RAW.card}\n` },
    ]);
    for (const format of EXPORT_FORMATS) {
      const body = await (await exportOf(done, format)).text();
      expect(body).toContain('a.txt');
      for (const raw of Object.values(RAW)) expect(body).not.toContain(raw);
    }
    const running = await insertJob(api().db.pool, tenantId, { status: 'scanning' });
    await insertFindings(api().db.pool, { id: running, tenantId }, 5);
    const lines = (await (await exportOf(running, 'jsonl')).text()).trimEnd().split('\n');
    expect(JSON.parse(lines[0] as string)).toEqual({ kind: 'partial', status: 'scanning' });
    expect(lines).toHaveLength(6);
  });

  it('checks the format and the tenant', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    const bad = await exportOf(jobId, 'xml');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    expect((await api().call(`/jobs/${jobId}/export`)).status).toBe(422);
    const other = await exportOf(jobId, 'csv', api().globex.key);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
