import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { matchCount, type ObjectScanResult } from '../../src/index.ts';
import { pieces, scanner } from '../support.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `n` distinct AWS access key ids of random-looking letters (deterministic). */
export function accessKeyIds(n: number, seed = 1): string[] {
  let x = seed;
  // mulberry32
  const next = () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from(
    { length: n },
    () => `AKIA${Array.from({ length: 16 }, () => BASE32[next() % 32]).join('')}`,
  );
}

/** Lines of log filler, `bytes` long, holding no value any detector reports. */
function filler(bytes: number): string {
  const line = '2026-11-14T10:00:00Z INFO request served path=/api/items status=200 took=12ms\n';
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

describe('nothing silently lost', () => {
  it('reads a large log to the end and lists every one of 1,500 planted credentials', async () => {
    const keys = accessKeyIds(1500);
    const gap = filler(12_000);
    const text = keys.map((k) => `${gap}aws_access_key_id=${k}\n`).join('');
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(18_000_000);
    const r = await scanner().scanObject(pieces(bytes, 1 << 16), { name: 'app.log' });
    expect(r.status).toBe('COMPLETE');
    expect(r.bytes_read).toBe(bytes.length);
    const ids = r.findings.filter((f) => f.detector === 'aws-access-key-id');
    expect(ids).toHaveLength(1500);
    expect(new Set(ids.map((f) => f.fingerprint)).size).toBe(1500);
    expect(r.aggregates ?? []).toEqual([]);
  });

  it('folds high-volume personal data per detector and column with exact counts and samples', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `${i},user${i}@northwind-traders.com,+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
    );
    const csv = `id,email,phone\n${rows.join('\n')}\n`;
    const r = await scanner({ limits: { aggregateThreshold: 50, aggregateSamples: 10 } }).scanText(
      csv,
      'people.csv',
    );
    expect(r.status).toBe('COMPLETE');
    const email = r.aggregates!.find((a) => a.detector === 'email')!;
    expect(email).toMatchObject({ field: 'email', count: 2950, threshold: 50 });
    expect(email.samples).toHaveLength(10);
    expect(email.samples[0]).toMatchObject({ row: 51, column_name: 'email' });
    expect(r.findings.filter((f) => f.detector === 'email')).toHaveLength(50);
    const emails = r.findings.filter((f) => f.detector === 'email').length + email.count;
    expect(emails).toBe(3000);
    const phones = matchCount({
      findings: r.findings.filter((f) => f.detector === 'phone-number'),
      aggregates: r.aggregates!.filter((a) => a.detector === 'phone-number'),
    });
    expect(phones).toBe(3000);
  });

  it('groups JSON paths across array indexes', async () => {
    const doc = JSON.stringify({
      users: Array.from({ length: 30 }, (_, i) => ({ email: `u${i}@northwind-traders.com` })),
    });
    const r = await scanner({ limits: { aggregateThreshold: 5 } }).scanText(doc, 'users.json');
    expect(r.findings).toHaveLength(5);
    expect(r.aggregates).toEqual([expect.objectContaining({ field: '$.users[*].email', count: 25 })]);
  });
});

describe('binary content judged block by block', () => {
  const KEY = accessKeyIds(1, 7)[0]!;
  const keyLine = `aws_access_key_id=${KEY}\n`;
  const nulsThenKey = Buffer.concat([Buffer.alloc(10 * 1024 * 1024), Buffer.from(keyLine)]);

  const outcome = (r: ObjectScanResult) => ({
    status: r.status,
    reason: r.reason,
    findings: r.findings.map((f) => [f.detector, f.redacted]),
  });

  it('finds a key after 10 MiB of NUL bytes, plain and gzipped alike', async () => {
    const s = scanner();
    const plain = await s.scanObject(pieces(nulsThenKey, 1 << 16), { name: 'blob.bin' });
    const gz = await s.scanObject(pieces(gzipSync(nulsThenKey), 1 << 16), { name: 'blob.bin.gz' });
    expect(outcome(plain)).toEqual({
      status: 'PARTIAL',
      reason: 'BINARY_CONTENT',
      findings: [['aws-access-key-id', `AKIA${'*'.repeat(12)}${KEY.slice(-4)}`]],
    });
    expect(outcome(gz)).toEqual(outcome(plain));
    expect(plain.findings[0]!.location).toMatchObject({ byte_start: 10 * 1024 * 1024 + 18, line: 1 });
    expect(gz.findings[0]!.location).toEqual(plain.findings[0]!.location);
  });

  it('finds text that starts mid-block after binary, at its exact offset and line', async () => {
    const bytes = Buffer.concat([
      Buffer.alloc(5000),
      Buffer.from('\n\n'),
      Buffer.alloc(3),
      Buffer.from(`x ${keyLine}`),
    ]);
    const r = await scanner().scanObject(pieces(bytes, 1 << 16), { name: 'odd.bin' });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.location).toMatchObject({ byte_start: 5005 + 2 + 18, line: 3 });
  });

  it('skips content with no text at all as UNSUPPORTED_BINARY, plain and gzipped alike', async () => {
    const s = scanner();
    const noise = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
    const plain = await s.scanObject(pieces(noise, 1 << 16), { name: 'noise.bin' });
    const gz = await s.scanObject(pieces(gzipSync(noise), 1 << 16), { name: 'noise.bin.gz' });
    expect(outcome(plain)).toEqual({ status: 'SKIPPED', reason: 'UNSUPPORTED_BINARY', findings: [] });
    expect(outcome(gz)).toEqual(outcome(plain));
  });

  it('splits text from binary the same way whatever the chunk sizes, plain or gzipped', async () => {
    const noise = Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 7919 + (i >> 3)) % 256));
    const bytes = Buffer.concat([
      Buffer.from(filler(3000)),
      Buffer.alloc(5000),
      Buffer.from(`\n${keyLine}${filler(5000)}`),
      noise,
      Buffer.from(`mail jane.roe@northwind-traders.com\n${filler(9000)}`),
      Buffer.alloc(2000, 1),
      Buffer.from(`tail ${keyLine}`),
    ]);
    const s = scanner();
    const results = [];
    for (const size of [1, 333, 4096, 5000, 1 << 16]) {
      results.push(await s.scanObject(pieces(bytes, size), { name: 'mixed.bin' }));
    }
    results.push(await s.scanObject(pieces(gzipSync(bytes), 1 << 16), { name: 'mixed.bin.gz' }));
    const first = results[0]!;
    expect(first).toMatchObject({ status: 'PARTIAL', reason: 'BINARY_CONTENT' });
    expect(first.findings.map((f) => f.detector).sort()).toEqual([
      'aws-access-key-id',
      'aws-access-key-id',
      'email',
    ]);
    for (const r of results) {
      expect(r.findings).toEqual(first.findings);
      expect(r.reason_detail).toBe(first.reason_detail);
    }
    const text = bytes.toString('latin1');
    for (const f of first.findings) {
      expect(text.slice(0, f.location.byte_start).split('\n').length).toBe(f.location.line);
    }
  });

  it('passes over binary that opens a stream, yet keeps clean text before its first NUL', async () => {
    const s = scanner();
    const sqlite = Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(9000, 7)]);
    expect((await s.scanObject(pieces(sqlite, 1 << 16), { name: 'db.sqlite' })).status).toBe('SKIPPED');
    const header = Buffer.concat([Buffer.from(keyLine), Buffer.alloc(9000)]);
    const r = await s.scanObject(pieces(header, 1 << 16), { name: 'dump.bin' });
    expect(r).toMatchObject({ status: 'PARTIAL', reason: 'BINARY_CONTENT' });
    expect(r.findings).toHaveLength(1);
  });

  it('keeps scanning a text log past a stray NUL, as text', async () => {
    const text = `${filler(20_000)}\u0000${filler(20_000)}${keyLine}`;
    const r = await scanner().scanObject(pieces(Buffer.from(text), 1 << 16), { name: 'app.log' });
    expect(r.status).toBe('COMPLETE');
    expect(r.findings).toHaveLength(1);
  });
});
