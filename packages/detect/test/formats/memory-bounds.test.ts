import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import avro from 'avsc';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { Allowlist } from '../../src/allowlist.ts';
import { detectors } from '../../src/detectors/index.ts';
import { Engine } from '../../src/engine/engine.ts';
import { bufferAccess } from '../../src/formats/random-access.ts';
import { scanStream } from '../../src/formats/scan-stream.ts';
import { SEGMENT_BATCH_BYTES } from '../../src/formats/segments.ts';
import { WalkContext } from '../../src/formats/walk-context.ts';
import { resolveLimits, ScanStop } from '../../src/limits.ts';
import type { Finding } from '../../src/types.ts';
import { pieces } from '../support.ts';

/**
 * Each reader counts the content bytes it holds (`ctx.held`) and refuses to go past the bound;
 * these tests lower the bound to 1 MiB, feed each format a file several times larger, and check
 * the whole file was read (a value planted at its end is found) while the peak held stayed
 * under the bound. Compressed streams, whose decoders' windows are not counted, are held by
 * peak RSS in a child process instead.
 */
const BOUND = 1024 * 1024;
const MB = 1024 * 1024;
const EMAIL = 'maria.lopez@northwind-traders.com';
const engine = new Engine({ detectors, fingerprintKey: 'memory-bounds', allowlist: new Allowlist() });

interface Outcome {
  peak: number;
  findings: Finding[];
  stop: ScanStop | undefined;
  soft: string | undefined;
}

async function scanHeld(bytes: Uint8Array, name: string, random = false): Promise<Outcome> {
  const findings: Finding[] = [];
  const ctx = new WalkContext(engine, resolveLimits({ maxCompressionRatio: 1e6 }), (f) => findings.push(f));
  ctx.held.limit = BOUND;
  if (random) ctx.random = bufferAccess(bytes);
  let stop: ScanStop | undefined;
  try {
    await scanStream(ctx, pieces(bytes, 64 * 1024), name, 0, undefined);
  } catch (err) {
    if (!(err instanceof ScanStop)) throw err;
    stop = err;
  }
  expect(ctx.held.current, 'everything held is given back').toBe(0);
  return { peak: ctx.held.peak, findings, stop, soft: ctx.softReason?.detail };
}

/** Varied text (so compression cannot shrink it to nothing) of about `bytes` bytes, in lines. */
function filler(
  bytes: number,
  line = (i: number) => `row ${i} ${((i * 2654435761) >>> 0).toString(36)} note`,
) {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    out.push(l);
    size += l.length + 1;
  }
  return out;
}

function expectRead(outcome: Outcome, bytes: Uint8Array, where: Partial<Finding['location']> = {}) {
  expect(bytes.length, 'the file is several times the bound').toBeGreaterThanOrEqual(4 * BOUND);
  expect(outcome.stop?.message).toBeUndefined();
  expect(outcome.soft).toBeUndefined();
  const last = outcome.findings.filter((f) => f.detector === 'email').at(-1);
  expect(last?.location, 'the value planted at the end is found').toMatchObject(where);
  expect(outcome.peak).toBeGreaterThan(0);
  expect(outcome.peak).toBeLessThanOrEqual(BOUND);
}

const officeZip = (parts: [string, string][], mimetype?: string) => {
  const files: Zippable = {};
  if (mimetype) files.mimetype = [strToU8(mimetype), { level: 0 }];
  for (const [name, xml] of parts) files[name] = strToU8(xml);
  return zipSync(files, { level: 1 });
};

const KEY_LINE = 'deploy key: aws_access_key_id = AKIAQYLPMN5HHHFPZAM2\n';

/** A ustar archive of the files (each under 8 GiB, names under 100 bytes). */
function tarOf(files: Record<string, Buffer>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, body] of Object.entries(files)) {
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0' + '00', 257);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

describe('readers hold at most their bound, whatever the file size', () => {
  it('Parquet: one column chunk at a time, read by range', async () => {
    const notes = filler(6 * MB);
    notes.push(`last ${EMAIL}`);
    const ids = notes.map((_, i) => BigInt(i));
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: ids, type: 'INT64' },
          { name: 'note', data: notes, type: 'STRING', codec: 'UNCOMPRESSED' },
        ],
        rowGroupSize: 20_000,
      }),
    );
    expectRead(await scanHeld(bytes, 'big.parquet', true), bytes, { record_index: notes.length - 1 });
  });

  it('Avro: one block at a time', async () => {
    const type = avro.Type.forSchema({
      type: 'record',
      name: 'Row',
      fields: [{ name: 'note', type: 'string' }],
    });
    const chunks: Buffer[] = [];
    const encoder = new avro.streams.BlockEncoder(type, { codec: 'null', blockSize: 64 * 1024 } as never);
    encoder.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => encoder.on('end', resolve));
    const notes = filler(5 * MB);
    notes.push(`last ${EMAIL}`);
    for (const note of notes) encoder.write({ note });
    encoder.end();
    await done;
    const bytes = Buffer.concat(chunks);
    expectRead(await scanHeld(bytes, 'big.avro'), bytes, { record_index: notes.length - 1 });
  });

  it('XLSX: the shared strings and one batch of cells', async () => {
    const rows = filler(
      6 * MB,
      (i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>note ${i} ${(i * 7919) % 100003}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
    );
    rows.push(`<row r="${rows.length + 1}"><c r="A${rows.length + 1}" t="s"><v>0</v></c></row>`);
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types><Override PartName="/xl/sharedStrings.xml"/></Types>'],
      ['xl/sharedStrings.xml', `<sst><si><t>${EMAIL}</t></si></sst>`],
      ['xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`],
    ]);
    const outcome = await scanHeld(bytes, 'big.xlsx');
    // Zipped XML shrinks: the bound is held against the 6 MB of text the sheet holds.
    expectRead(outcome, strToU8(rows.join('')), { cell: `A${rows.length}` });
  });

  it('DOCX: one paragraph and one batch at a time', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const paragraphs = filler(
      6 * MB,
      (i) => `<w:p><w:r><w:t>paragraph ${i} ${(i * 7919) % 100003}</w:t></w:r></w:p>`,
    );
    paragraphs.push(`<w:p><w:r><w:t>${EMAIL}</w:t></w:r></w:p>`);
    const xml = `<w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`;
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', xml],
    ]);
    expectRead(await scanHeld(bytes, 'big.docx'), strToU8(xml), { paragraph: paragraphs.length });
  });

  it('PPTX: one slide paragraph and one batch at a time', async () => {
    const slides: [string, string][] = [['[Content_Types].xml', '<Types/>']];
    let size = 0;
    for (let s = 1; size < 6 * MB; s++) {
      const runs = filler(64 * 1024, (i) => `<a:p><a:r><a:t>slide ${s} line ${i}</a:t></a:r></a:p>`);
      const xml = `<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Body"/></p:nvSpPr><p:txBody>${runs.join('')}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
      slides.push([`ppt/slides/slide${s}.xml`, xml]);
      size += xml.length;
    }
    const last = slides.length;
    slides.push([
      `ppt/slides/slide${last}.xml`,
      `<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${EMAIL}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
    ]);
    const bytes = officeZip(slides);
    expectRead(await scanHeld(bytes, 'big.pptx'), new Uint8Array(size), { slide: last });
  });

  it('ODT and ODS: one paragraph or cell and one batch at a time', async () => {
    const paragraphs = filler(6 * MB, (i) => `<text:p>paragraph ${i} ${(i * 7919) % 100003}</text:p>`);
    paragraphs.push(`<text:p>${EMAIL}</text:p>`);
    const odtXml = `<office:document-content><office:body><office:text>${paragraphs.join('')}</office:text></office:body></office:document-content>`;
    const odt = officeZip([['content.xml', odtXml]], 'application/vnd.oasis.opendocument.text');
    expectRead(await scanHeld(odt, 'big.odt'), strToU8(odtXml), { paragraph: paragraphs.length });
    const rows = filler(
      6 * MB,
      (i) =>
        `<table:table-row><table:table-cell><text:p>cell ${i} ${(i * 7919) % 100003}</text:p></table:table-cell></table:table-row>`,
    );
    rows.push(
      `<table:table-row><table:table-cell><text:p>${EMAIL}</text:p></table:table-cell></table:table-row>`,
    );
    const odsXml = `<office:document-content><office:body><office:spreadsheet><table:table table:name="Big">${rows.join('')}</table:table></office:spreadsheet></office:body></office:document-content>`;
    const ods = officeZip([['content.xml', odsXml]], 'application/vnd.oasis.opendocument.spreadsheet');
    expectRead(await scanHeld(ods, 'big.ods'), strToU8(odsXml), { sheet: 'Big', cell: `A${rows.length}` });
  });

  it('PDF: the whole file while it is read, so a larger one is skipped without being held', async () => {
    const pdf = (pages: number) =>
      new Promise<Buffer>((resolve) => {
        const doc = new PDFDocument({ compress: false });
        const chunks: Buffer[] = [];
        doc.on('data', (c: Buffer) => chunks.push(c));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        for (let p = 0; p < pages; p++) {
          if (p > 0) doc.addPage();
          doc.text(`page ${p} ${'lorem ipsum dolor sit amet '.repeat(60)}`);
        }
        doc.text(EMAIL);
        doc.end();
      });
    const small = await pdf(20);
    const fits = await scanHeld(small, 'small.pdf');
    expect(fits.stop).toBeUndefined();
    expect(fits.findings.find((f) => f.detector === 'email')?.location.page).toBe(20);
    expect(fits.peak).toBeGreaterThanOrEqual(small.length);
    expect(fits.peak).toBeLessThanOrEqual(BOUND);
    const large = Buffer.concat([small, Buffer.alloc(5 * MB, 0x20)]);
    const refused = await scanHeld(large, 'large.pdf');
    expect(refused.stop?.reason).toBe('OBJECT_TOO_LARGE');
    expect(refused.peak).toBeLessThanOrEqual(BOUND);
  });

  it('EML and mbox: bodies and attachments in pieces, an HTML body only up to its limit', async () => {
    const text = filler(2 * MB).join('\n');
    const html = `<html><body>${filler(2 * MB, (i) => `<p>para <b>${i}</b></p>`).join('')}<p>${EMAIL}</p></body></html>`;
    const attachment = Buffer.from(`${filler(2 * MB).join('\n')}\n${EMAIL.replace('maria', 'ann')}\n`)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const message = (n: number) =>
      [
        `From: Rui <rui.costa@fabrikam-logistics.com>`,
        `Subject: big ${n}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        `${text}\n${EMAIL.replace('maria', 'kim')}`,
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        html,
        '--b',
        'Content-Type: text/plain; name="notes.txt"',
        'Content-Disposition: attachment; filename="notes.txt"',
        'Content-Transfer-Encoding: base64',
        '',
        attachment,
        '--b--',
        '',
      ].join('\r\n');
    const eml = Buffer.from(message(0));
    const one = await scanHeld(eml, 'big.eml');
    expect(eml.length).toBeGreaterThanOrEqual(4 * BOUND);
    expect(one.stop).toBeUndefined();
    const emails = one.findings.filter((f) => f.detector === 'email');
    expect(emails.map((f) => f.location.part ?? f.location.archive_path)).toEqual(
      expect.arrayContaining(['header:From', '1', '2', 'notes.txt']),
    );
    expect(one.peak).toBeLessThanOrEqual(BOUND);
    const mbox = Buffer.from(
      [0, 1].map((n) => `From rui@x Mon Dec  7 10:00:00 2026\n${message(n)}\n`).join(''),
    );
    const box = await scanHeld(mbox, 'big.mbox');
    expect(box.stop).toBeUndefined();
    expect(box.findings.filter((f) => f.location.part === '2').map((f) => f.location.message_index)).toEqual([
      0, 1,
    ]);
    expect(box.peak).toBeLessThanOrEqual(BOUND);
  });

  it('the segment batch itself stays within its stated size for small segments', async () => {
    const lines = filler(5 * MB);
    lines.push(EMAIL);
    const bytes = new Uint8Array(
      parquetWriteBuffer({ columnData: [{ name: 'n', data: lines, type: 'STRING' }], rowGroupSize: 5_000 }),
    );
    const outcome = await scanHeld(bytes, 'batch.parquet', true);
    expect(outcome.findings.at(-1)?.location.record_index).toBe(lines.length - 1);
    // A column chunk of ~50 KB plus one batch.
    expect(outcome.peak).toBeLessThanOrEqual(SEGMENT_BATCH_BYTES * 4 + 256 * 1024);
  });
});

describe('compressed streams hold their decoder window, not their content', () => {
  it('gzip, bzip2, xz, zstd and tar of each: 256 MiB each adds under 96 MiB to peak RSS', () => {
    const child = path.join(import.meta.dirname, 'stream-rss-child.ts');
    const fixtures = path.join(import.meta.dirname, '../fixtures/bounds');
    // bzip2, xz and zstd files were made with their tools; gzip is made here.
    const dir = mkdtempSync(path.join(tmpdir(), 'stream-rss-'));
    for (const name of readdirSync(fixtures)) copyFileSync(path.join(fixtures, name), path.join(dir, name));
    const zeros = Buffer.alloc(256 * MB);
    writeFileSync(path.join(dir, 'big.log.gz'), gzipSync(Buffer.concat([zeros, Buffer.from(KEY_LINE)])));
    writeFileSync(
      path.join(dir, 'big.tgz'),
      gzipSync(tarOf({ 'zeros.bin': zeros, 'secret.txt': Buffer.from(KEY_LINE) })),
    );
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, dir], {
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as {
      idleMiB: number;
      outcomes: Record<string, { status: string; found: boolean; peakMiB: number }>;
    };
    expect(Object.keys(report.outcomes).sort()).toEqual([
      'big.log.bz2',
      'big.log.gz',
      'big.log.xz',
      'big.log.zst',
      'big.tbz2',
      'big.tgz',
      'big.txz',
      'big.tzst',
    ]);
    for (const [name, outcome] of Object.entries(report.outcomes)) {
      expect(outcome.found, `${name} read to its end`).toBe(true);
      // Decoder windows (xz's and zstd's WebAssembly and window buffers never shrink, so they add
      // up across the files) and 64 KiB pieces: far less than the 256 MiB each file holds.
      expect(outcome.peakMiB - report.idleMiB, name).toBeLessThan(96);
    }
  });
});
