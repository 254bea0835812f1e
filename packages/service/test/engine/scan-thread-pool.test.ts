import { Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { type RandomAccess, Scanner } from '@data-scanner/detect';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanThreadPool } from '../../src/engine/scan-thread-pool.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const KEY = 'thread-pool-key';
const pool = new ScanThreadPool({ threads: 2, fingerprintKey: KEY, allowlist: { paths: ['ignored/**'] } });
const inProcess = new Scanner({ fingerprintKey: KEY, allowlist: { paths: ['ignored/**'] } });

afterAll(async () => {
  await pool.close();
});

/** `text` in pieces of `size` bytes, as a Readable (what sources hand the engine). */
function pieces(bytes: Uint8Array, size: number): Readable {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('ScanThreadPool', () => {
  const text = Buffer.from(
    Array.from({ length: 3000 }, (_, i) => (i % 500 === 7 ? awsKeyLine(i) : `line ${i} nothing\n`)).join(''),
  );

  it('returns what the engine returns on the calling thread, for text and archives in small chunks', async () => {
    for (const [name, bytes] of [
      ['a.log', text],
      ['a.log.gz', gzipSync(text)],
    ] as const) {
      const threaded = await pool.engine().scanObject(pieces(bytes, 1000), { name, size: bytes.length });
      const local = await inProcess.scanObject(pieces(bytes, 1000), { name });
      expect(threaded).toEqual(local);
      expect(threaded.findings).toHaveLength(6);
    }
  });

  it('applies the allowlist and a job’s detector selection inside the thread', async () => {
    const ignored = await pool
      .engine()
      .scanObject(pieces(text, 4096), { name: 'ignored/a.log', size: text.length });
    expect(ignored).toMatchObject({ status: 'SKIPPED', reason: 'EXCLUDED' });
    const emails = await pool
      .engine(['email'])
      .scanObject(pieces(text, 4096), { name: 'a.log', size: text.length });
    expect(emails).toMatchObject({ status: 'COMPLETE', findings: [] });
  });

  it('reports a source that fails mid-stream as READ_ERROR and scans on', async () => {
    const failing = new Readable({
      read() {
        this.push(text.subarray(0, 100_000));
        this.destroy(new Error('connection reset'));
      },
    });
    const r = await pool.engine().scanObject(failing, { name: 'b.log', size: text.length });
    expect(r).toMatchObject({ status: 'PARTIAL', reason: 'READ_ERROR' });
    const after = await pool.engine().scanObject(pieces(text, 4096), { name: 'c.log', size: text.length });
    expect(after.findings).toHaveLength(6);
  });

  it('stops reading a source once the scan has ended (a compression bomb)', async () => {
    // Binary content is read to its end for the text behind it, so a bomb's ratio ends the scan here.
    let pulled = 0;
    const zeros = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(64 * 1024));
      },
    });
    const gzipped = zeros.pipe(createGzip());
    const r = await pool.engine().scanObject(gzipped, { name: 'zeros.gz', size: 1e12 });
    expect(r.reason).toBe('COMPRESSION_RATIO_EXCEEDED');
    zeros.destroy();
    gzipped.destroy();
    // 16 MiB of output pass before the ratio is checked: 256 pulls, plus what the pipes buffer.
    expect(pulled).toBeLessThan(1000);
  });

  it('reads a Parquet object by range inside the thread, the ranges served from the calling thread', async () => {
    const notes = Array.from({ length: 5000 }, (_, i) => (i === 4321 ? awsKeyLine(i) : `note ${i}`));
    const bytes = new Uint8Array(
      parquetWriteBuffer({ columnData: [{ name: 'note', data: notes, type: 'STRING' }], rowGroupSize: 1000 }),
    );
    const ranges: [number, number][] = [];
    const random: RandomAccess = {
      size: bytes.length,
      read: async (start, end) => {
        ranges.push([start, end]);
        return bytes.subarray(start, end);
      },
    };
    const threaded = await pool
      .engine()
      .scanObject(pieces(bytes, 4096), { name: 'notes.parquet', size: bytes.length, random });
    expect(threaded.status, threaded.reason_detail).toBe('COMPLETE');
    expect(threaded.findings.map((f) => f.location.record_index)).toEqual([4321]);
    // The footer, then one column chunk per row group: read by range, never spooled from the stream.
    expect(ranges.length).toBeGreaterThanOrEqual(6);
    const local = await inProcess.scanObject(pieces(bytes, 4096), { name: 'notes.parquet', random });
    expect(threaded.findings).toEqual(local.findings);
  });
});
