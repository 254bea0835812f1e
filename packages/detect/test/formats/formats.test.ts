import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { EMAIL, PASSWORD_LINE, pieces, scanner } from '../support.ts';

const s = scanner();
const scan = (bytes: Uint8Array, name: string, limits = {}) =>
  scanner({ limits }).scanObject(pieces(bytes, 4096), { name });

async function tarOf(files: Record<string, Uint8Array>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, body] of Object.entries(files)) pack.entry({ name }, Buffer.from(body));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const text = Buffer.from(`line one\ncontact ${EMAIL}\n`);

describe('text encodings', () => {
  it('reads UTF-16 LE and BE with BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.toString(), 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    for (const bytes of [le, be]) {
      const r = await scan(bytes, 'u16.txt');
      expect(r.findings.map((f) => [f.detector, f.location.line, f.location.column])).toEqual([
        ['email', 2, 9],
      ]);
    }
  });

  it('skips content with no text as UNSUPPORTED_BINARY; text after a binary prefix is scanned', async () => {
    const binary = Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 31) % 256));
    const r = await scan(binary, 'a.bin');
    expect(r).toMatchObject({ status: 'SKIPPED', reason: 'UNSUPPORTED_BINARY', findings: [] });
    const mixed = await scan(Buffer.concat([Buffer.from([0, 1, 2, 3, 0]), text]), 'a.bin');
    expect(mixed).toMatchObject({ status: 'PARTIAL', reason: 'BINARY_CONTENT' });
    expect(mixed.findings.map((f) => f.detector)).toEqual(['email']);
  });
});

describe('structured text', () => {
  it('locates CSV cells by row, column index and header name', async () => {
    const csv = `id,"full, name",contact\n1,"Jane ""J"" Roe",${EMAIL}\n2,x,"multi\nline ${EMAIL}"\n`;
    const r = await s.scanText(csv, 'people.csv');
    expect(r.findings.map((f) => f.location)).toMatchObject([
      { row: 1, column_index: 2, column_name: 'contact', line: 2 },
      { row: 2, column_index: 2, column_name: 'contact', line: 4 },
    ]);
  });

  it('locates TSV cells', async () => {
    const r = await s.scanText(`a\tmail\nx\t${EMAIL}\n`, 'p.tsv');
    expect(r.findings[0]?.location).toMatchObject({ row: 1, column_index: 1, column_name: 'mail' });
  });

  it('gives the JSON path and top-level array index', async () => {
    const json = JSON.stringify([{ a: 1 }, { user: { 'e-mail': EMAIL, tags: ['x', PASSWORD_LINE] } }]);
    const r = await s.scanText(json, 'x.json');
    const email = r.findings.find((f) => f.detector === 'email');
    expect(email?.location).toMatchObject({ json_path: '$[1].user["e-mail"]', record_index: 1 });
  });

  it('survives JSON nested a million levels deep and still names shallow paths', async () => {
    const deep = `${'['.repeat(1_000_000)}"${EMAIL}"${']'.repeat(1_000_000)}`;
    const r = await s.scanText(deep, 'deep.json');
    expect(r.status).toBe('COMPLETE');
    expect(r.findings[0]?.location.json_path).toMatch(/^\$(\[0\]){256}\.\.\.$/);
    const after = await s.scanText(`{"a":${'['.repeat(5000)}${']'.repeat(5000)},"b":"${EMAIL}"}`, 'x.json');
    expect(after.findings[0]?.location.json_path).toBe('$.b');
  });

  it('gives the record index of JSON Lines', async () => {
    const r = await s.scanText(`{"a":1}\n{"b":2}\n{"c":{"d":["${EMAIL}"]}}\n`, 'x.jsonl');
    expect(r.findings[0]?.location).toMatchObject({ json_path: '$.c.d[0]', record_index: 2, line: 3 });
  });

  it('starts every JSON Lines record afresh, whatever the line before left open', async () => {
    const r = await s.scanText(`{"a":[1,{"open":"\n\n{"b":{"mail":"${EMAIL}"}}\n`, 'x.jsonl');
    expect(r.findings[0]?.location).toMatchObject({ json_path: '$.b.mail', record_index: 1, line: 3 });
  });

  it('names a JSON key read in one chunk for a value found in a later one', async () => {
    const json = `{"list":[{"owner": ${' '.repeat(3 * 1024 * 1024)}"${EMAIL}"}]}`;
    const r = await s.scanText(json, 'x.json');
    expect(r.findings[0]?.location.json_path).toBe('$.list[0].owner');
    expect(r.findings[0]?.location.byte_start).toBeGreaterThan(3 * 1024 * 1024);
  });
});

describe('archives', () => {
  it('reads gzip, zip, tar and tar.gz with archive paths', async () => {
    const inner = await tarOf({ 'dir/secret.txt': text });
    const zip = zipSync({ 'docs/readme.txt': strToU8(`hi ${EMAIL}`), 'inner.tar.gz': gzipSync(inner) });
    const r = await scan(zip, 'bundle.zip');
    expect(r.status).toBe('COMPLETE');
    expect(r.findings.map((f) => f.location.archive_path).sort()).toEqual([
      'docs/readme.txt',
      'inner.tar.gz!dir/secret.txt',
    ]);
    const gz = await scan(gzipSync(text), 'log.txt.gz');
    expect(gz.findings).toHaveLength(1);
    const tgz = await scan(gzipSync(inner), 'x.tgz');
    expect(tgz.findings[0]?.location).toMatchObject({ archive_path: 'dir/secret.txt', line: 2 });
  });

  it('stops at nesting depth 5 with ARCHIVE_TOO_DEEP', async () => {
    let bytes: Uint8Array = text;
    for (let i = 0; i < 7; i++) bytes = zipSync({ [`level${i}.zip`]: bytes });
    const r = await scan(bytes, 'deep.zip');
    expect(r).toMatchObject({ status: 'PARTIAL', reason: 'ARCHIVE_TOO_DEEP' });
  });

  it('guards against zip and gzip bombs by ratio and total size', async () => {
    const bomb = Buffer.alloc(64 * 1024 * 1024, 'a');
    const zipped = zipSync({ 'bomb.txt': bomb }, { level: 9 });
    const r = await scan(zipped, 'bomb.zip');
    expect(r).toMatchObject({ status: 'PARTIAL', reason: 'COMPRESSION_RATIO_EXCEEDED' });
    const gz = await scan(gzipSync(bomb), 'bomb.gz', {
      maxCompressionRatio: 1e9,
      maxDecompressedBytes: 8 * 1024 * 1024,
    });
    expect(gz).toMatchObject({ status: 'PARTIAL', reason: 'DECOMPRESSED_SIZE_EXCEEDED' });
  });

  it('caps archive members', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.txt`] = strToU8('x');
    const r = await scan(zipSync(files), 'many.zip', { maxArchiveMembers: 10 });
    expect(r).toMatchObject({ status: 'PARTIAL', reason: 'ARCHIVE_MEMBER_LIMIT' });
  });

  it('reports truncated and corrupt archives without throwing', async () => {
    // About 200 KB: chunks are scanned (with fewer findings than the limit) before the cut.
    const gz = gzipSync(Buffer.from(`${EMAIL} ${'lorem ipsum '.repeat(30)}\n`.repeat(500)));
    const truncated = await scan(gz.subarray(0, gz.length - 40), 't.gz');
    expect(truncated).toMatchObject({ status: 'PARTIAL', reason: 'CORRUPT_ARCHIVE' });
    const zip = zipSync({ 'a.txt': strToU8(`${EMAIL} `.repeat(5000)) });
    const cut = await scan(zip.subarray(0, zip.length / 2), 'cut.zip');
    expect(cut).toMatchObject({ status: 'PARTIAL', reason: 'CORRUPT_ARCHIVE' });
    expect(cut.bytes_scanned).toBeGreaterThan(0);
    // Nothing readable at all: the object was not scanned, so SKIPPED rather than PARTIAL.
    const garbage = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
    const bad = await scan(garbage, 'bad.zip');
    expect(bad).toMatchObject({
      status: 'SKIPPED',
      reason: 'CORRUPT_ARCHIVE',
      bytes_scanned: 0,
      findings: [],
    });
    const tarBad = await tarOf({ 'a.txt': text });
    tarBad.write('garbage!', 0);
    const t = await scan(tarBad.subarray(0, 700), 'x.tar');
    expect(t).toMatchObject({ status: 'SKIPPED', reason: 'CORRUPT_ARCHIVE', bytes_scanned: 0, findings: [] });
    const notGzip = await scan(Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(64, 9)]), 'x.gz');
    expect(notGzip).toMatchObject({ status: 'SKIPPED', reason: 'CORRUPT_ARCHIVE', bytes_scanned: 0 });
  });

  it('keeps what a tar scanned before a corrupt member header as PARTIAL', async () => {
    const good = await tarOf({ 'a.txt': text, 'b.txt': text });
    const broken = Buffer.from(good);
    broken.write('garbage!', 1024);
    const r = await scan(broken, 'two.tar');
    expect(r).toMatchObject({ status: 'PARTIAL', reason: 'CORRUPT_ARCHIVE' });
    expect(r.findings.map((f) => f.location.archive_path)).toEqual(['a.txt']);
  });
});
