import { Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EMAIL, pieces, scanner } from '../support.ts';

const text = (i: number) =>
  Buffer.from(`member ${i}\n${'filler words only\n'.repeat(2000)}contact ${EMAIL}\n`);

/** A zip as streaming writers make it: sizes in a data descriptor after each member (flag bit 3). */
function streamedZip(members: { name: string; body: Uint8Array; stored?: boolean }[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      parts.push(chunk);
      if (final) resolve(Buffer.concat(parts));
    });
    for (const m of members) {
      const file = m.stored ? new ZipPassThrough(m.name) : new ZipDeflate(m.name, { level: 6 });
      zip.add(file);
      file.push(m.body, true);
    }
    zip.end();
  });
}

describe('zip reader', () => {
  it('reads members whose sizes follow in a data descriptor, in small and large chunks', async () => {
    const zip = await streamedZip([
      { name: 'a.txt', body: text(1) },
      { name: 'dir/', body: new Uint8Array(0), stored: true },
      { name: 'b.txt', body: text(2) },
      { name: 'c.txt', body: text(3) },
      { name: 'd.txt', body: text(4), stored: true },
    ]);
    expect(zip.readUInt16LE(6) & 8).toBe(8);
    for (const size of [7, 4096, zip.length]) {
      const r = await scanner().scanObject(pieces(zip, size), { name: 'streamed.zip' });
      expect(r.status).toBe('COMPLETE');
      expect(r.findings.map((f) => [f.location.archive_path, f.location.line])).toEqual([
        ['a.txt', 2002],
        ['b.txt', 2002],
        ['c.txt', 2002],
        ['d.txt', 2002],
      ]);
    }
  });

  it('reads past a binary prefix to the text behind it, and moves past an allowlisted member', async () => {
    const binary = Buffer.concat([Buffer.alloc(20_000), text(0)]);
    for (const zip of [
      await streamedZip([
        { name: 'blob.bin', body: binary },
        { name: 'skip/me.txt', body: text(1) },
        { name: 'b.txt', body: text(2) },
      ]),
      Buffer.from(zipSync({ 'blob.bin': binary, 'skip/me.txt': text(1), 'b.txt': [text(2), { level: 0 }] })),
    ]) {
      const r = await scanner({ allowlist: { paths: ['skip/**'] } }).scanObject(pieces(zip, 1000), {
        name: 'mixed.zip',
      });
      expect(r.findings.map((f) => f.location.archive_path)).toEqual(['blob.bin', 'b.txt']);
    }
  });

  it('reports a corrupt deflate member as CORRUPT_ARCHIVE and keeps what came before', async () => {
    const zip = Buffer.from(zipSync({ 'a.txt': text(1), 'b.txt': text(2) }));
    const second = zip.indexOf('b.txt', 40) + 5;
    zip.fill(0xff, second + 10, second + 40);
    const r = await scanner().scanObject(pieces(zip, 4096), { name: 'bad.zip' });
    expect(r).toMatchObject({ status: 'PARTIAL', reason: 'CORRUPT_ARCHIVE' });
    expect(r.findings.map((f) => f.location.archive_path)).toEqual(['a.txt']);
  });
});
