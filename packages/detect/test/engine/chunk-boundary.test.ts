import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../src/engine/text-scanner.ts';
import { EMAIL, pieces, scanner } from '../support.ts';

describe('chunked scanning', () => {
  const s = scanner({ detectors: undefined });

  it('reports a match that straddles a chunk boundary exactly once, with exact offsets', async () => {
    for (const shift of [-40, -17, -1, 0, 1, 5, 29]) {
      const start = CHUNK_BYTES + shift;
      const filler = 'lorem ipsum dolor sit amet\n'.repeat(Math.ceil(start / 27) + 1);
      const prefix = `${filler.slice(0, start - 1)} `;
      const text = `${prefix}${EMAIL} trailing words\n${'more text here\n'.repeat(300_000)}`;
      const bytes = Buffer.from(text);
      for (const size of [65536, 1000, 7777]) {
        const result = await s.scanObject(pieces(bytes, size), { name: 'a.txt' });
        const emails = result.findings.filter((f) => f.detector === 'email');
        expect(emails).toHaveLength(1);
        const loc = emails[0]!.location;
        expect(loc.byte_start).toBe(start);
        expect(loc.byte_end).toBe(start + EMAIL.length);
        const lines = prefix.split('\n');
        expect(loc.line).toBe(lines.length);
        expect(loc.column).toBe(lines[lines.length - 1]!.length + 1);
      }
    }
  });

  it('keeps byte offsets right after multi-byte characters across chunks', async () => {
    const prefix = 'é€𝄞 '.repeat(300_000);
    const text = `${prefix}${EMAIL}\n`;
    const result = await s.scanObject(pieces(Buffer.from(text), 4093), { name: 'u.txt' });
    const f = result.findings.find((x) => x.detector === 'email');
    expect(f?.location.byte_start).toBe(Buffer.byteLength(prefix));
    expect(f?.location.column).toBe(prefix.length + 1);
  });

  it('keeps offsets right when a chunk would end inside a surrogate pair', async () => {
    // One- to four-byte characters mixed: chunks end at every parity, so some carry would
    // start on the low half of a 𝄞.
    for (const unit of ['€𝄞', 'a𝄞', 'é𝄞€', '𝄞𝄞a']) {
      const prefix = `${unit.repeat(60_000)} `;
      const result = await s.scanObject(pieces(Buffer.from(`${prefix}${EMAIL}\n`), 65536), { name: 'u.txt' });
      const f = result.findings.find((x) => x.detector === 'email');
      expect(f?.location).toMatchObject({ byte_start: Buffer.byteLength(prefix), column: prefix.length + 1 });
    }
  });

  it('keeps offsets exact in text that is not valid UTF-8 (Latin-1 bytes, stray bytes)', async () => {
    // Per unit: "café " in UTF-8 (6 bytes, 5 characters), "résum " in Latin-1 (6 bytes, 6
    // characters: a byte that starts no valid sequence reads as its Latin-1 character), and a
    // cut-short sequence E2 82 then "A " (4 bytes, 4 characters).
    const unit = Buffer.concat([
      Buffer.from('café ', 'utf8'),
      Buffer.from('r\xe9sum ', 'latin1'),
      Buffer.from([0xe2, 0x82, 0x41, 0x20]),
    ]);
    for (const [units, size] of [
      [1000, 65536],
      [40_000, 65536],
      [40_000, 4093],
    ] as const) {
      const prefix = Buffer.concat([
        Buffer.from('first line\n'),
        ...Array.from({ length: units }, () => unit),
      ]);
      const bytes = Buffer.concat([prefix, Buffer.from(`${EMAIL}\n`)]);
      const result = await s.scanObject(pieces(bytes, size), { name: 'latin.txt' });
      expect(result.status).toBe('COMPLETE');
      const f = result.findings.find((x) => x.detector === 'email');
      expect(f?.location).toMatchObject({
        byte_start: prefix.length,
        byte_end: prefix.length + EMAIL.length,
        line: 2,
        column: units * 15 + 1,
      });
    }
  });

  it('scans a multi-gigabyte single-line stream in bounded memory', async () => {
    const total = 2.5 * 1024 ** 3;
    const block = Buffer.from('abcdefghij'.repeat(104_857).padEnd(1024 * 1024, 'x'));
    const planted = Buffer.from(` ${EMAIL} `);
    const plantEvery = 512;
    let peak = 0;
    async function* stream(): AsyncIterable<Uint8Array> {
      let sent = 0;
      let n = 0;
      while (sent < total) {
        const chunk =
          n % plantEvery === 100 ? Buffer.concat([block.subarray(planted.length), planted]) : block;
        sent += chunk.length;
        n++;
        if (n % 256 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        yield chunk;
      }
    }
    const before = process.memoryUsage().rss;
    const result = await s.scanObject(stream(), { name: 'huge.txt' });
    expect(result.status).toBe('COMPLETE');
    expect(result.bytes_scanned).toBeGreaterThanOrEqual(total);
    const emails = result.findings.filter((f) => f.detector === 'email');
    expect(emails.length).toBe(Math.ceil(total / (1024 * 1024) / plantEvery));
    expect(emails.every((f) => f.location.line === 1)).toBe(true);
    expect(peak - before).toBeLessThan(256 * 1024 * 1024);
  });
});
