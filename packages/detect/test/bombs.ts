import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

/** One decompression bomb: a small object that expands far past the scan limits. */
export interface Bomb {
  name: string;
  bytes: Buffer;
}

const MiB = 1024 * 1024;

/** Deflates `size` bytes of `unit` repeated, with the content's CRC. */
function kernel(unit: Buffer, size: number): { data: Buffer; crc: number; size: number } {
  const content = Buffer.alloc(size, unit);
  return { data: deflateRawSync(content, { level: 9 }), crc: crc32(content), size };
}

interface ZipEntry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

function localHeader(e: ZipEntry, compressedSize = e.data.length): Buffer {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralEntry(e: ZipEntry, offset: number, compressedSize = e.data.length): Buffer {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(compressedSize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

function endOfCentral(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

/** A well-formed zip of already-compressed entries. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.concat([localHeader(e), e.data]);
    centrals.push(centralEntry(e, offset));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  return Buffer.concat([...locals, central, endOfCentral(entries.length, central.length, offset)]);
}

function deflated(name: string, content: Buffer): ZipEntry {
  return {
    name,
    method: 8,
    data: deflateRawSync(content, { level: 9 }),
    crc: crc32(content),
    size: content.length,
  };
}

/**
 * 42.zip's shape: `levels` layers of zips, each holding `fanout` copies of the layer below; the
 * innermost file is `kernelMiB` MiB of text.
 */
export function nestedZip(levels = 4, fanout = 16, kernelMiB = 64): Buffer {
  const k = kernel(Buffer.from('a'), kernelMiB * MiB);
  let layer = zipOf(
    Array.from({ length: fanout }, (_, i) => ({ name: `${i}.txt`, method: 8 as const, ...k })),
  );
  for (let level = 1; level < levels; level++) {
    const entry = deflated('x.zip', layer);
    layer = zipOf(Array.from({ length: fanout }, (_, i) => ({ ...entry, name: `l${level}-${i}.zip` })));
  }
  return layer;
}

/**
 * Fifield's overlapping-entry bomb: every local header is quoted, in a stored deflate block, by the
 * entry before it, and all entries share one kernel, so a reader that trusts the central directory
 * inflates the kernel `entries` times.
 */
export function overlappingZip(entries = 64, kernelMiB = 64): Buffer {
  const k = kernel(Buffer.from('a'), kernelMiB * MiB);
  const names = Array.from({ length: entries }, (_, i) => `f${String(i).padStart(3, '0')}.txt`);
  const headerLength = (i: number) => 30 + Buffer.byteLength(names[i] as string);
  // Each entry i: stored block (5 bytes) quoting header i+1, ..., then the kernel.
  const compressed: number[] = new Array(entries);
  compressed[entries - 1] = k.data.length;
  for (let i = entries - 2; i >= 0; i--)
    compressed[i] = 5 + headerLength(i + 1) + (compressed[i + 1] as number);
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < entries; i++) {
    const entry: ZipEntry = {
      name: names[i] as string,
      method: 8,
      data: Buffer.alloc(0),
      crc: 0,
      size: k.size,
    };
    const header = localHeader(entry, compressed[i]);
    centrals.push(centralEntry(entry, offset, compressed[i]));
    if (i > 0) {
      const stored = Buffer.alloc(5);
      stored[0] = 0; // BFINAL=0, BTYPE=00
      stored.writeUInt16LE(header.length, 1);
      stored.writeUInt16LE(~header.length & 0xffff, 3);
      parts.push(stored);
      offset += 5;
    }
    parts.push(header);
    offset += header.length;
  }
  parts.push(k.data);
  offset += k.data.length;
  const central = Buffer.concat(centrals);
  return Buffer.concat([...parts, central, endOfCentral(entries, central.length, offset)]);
}

/** `mib` MiB of NUL bytes, gzipped (about 1 KB per MiB). */
export function gzipOfZeros(mib = 512): Buffer {
  return gzipRepeated(Buffer.alloc(MiB), mib);
}

/** `mib` MiB of one repeated text line, gzipped. */
export function gzipOfText(mib = 256): Buffer {
  const line = Buffer.from('lorem ipsum dolor sit amet, consectetur adipiscing\n');
  const block = Buffer.alloc(line.length * 20_000);
  for (let i = 0; i < block.length; i += line.length) line.copy(block, i);
  return gzipRepeated(block, Math.ceil((mib * MiB) / block.length));
}

/** A multi-member gzip: `times` copies of `block` gzipped (gunzip reads every member). */
function gzipRepeated(block: Buffer, times: number): Buffer {
  const member = gzipSync(block, { level: 9 });
  return Buffer.concat(Array.from({ length: times }, () => member));
}

/**
 * A gzipped tar of sparse files, made by GNU tar: `--sparse` (a sparse map, GNU 'S' members) and
 * without it (the holes stored as zeros).
 */
export function sparseTars(fileGiB = 4): Bomb[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'sparse-'));
  try {
    for (const name of ['a.txt', 'b.txt']) {
      const file = path.join(dir, name);
      writeFileSync(file, 'a sparse file\n');
      truncateSync(file, fileGiB * 1024 * MiB);
    }
    const out = path.join(dir, 'sparse.tar.gz');
    execFileSync('tar', ['--sparse', '--format=gnu', '-czf', out, '-C', dir, 'a.txt', 'b.txt']);
    const gnu = readFileSync(out);
    execFileSync('tar', ['--sparse', '--format=pax', '-czf', out, '-C', dir, 'a.txt', 'b.txt']);
    const pax = readFileSync(out);
    return [
      { name: 'sparse-gnu.tar.gz', bytes: gnu },
      { name: 'sparse-pax.tar.gz', bytes: pax },
      { name: 'holes.tar.gz', bytes: tarOfZeros(64) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A gzipped ustar holding one file of `mib` MiB of NUL bytes (a sparse file archived without --sparse). */
function tarOfZeros(mib: number): Buffer {
  const header = Buffer.alloc(512);
  header.write('holes.txt', 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${(mib * MiB).toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return gzipSync(Buffer.concat([header, Buffer.alloc(mib * MiB), Buffer.alloc(1024)]), { level: 9 });
}

/** An xlsx-shaped zip: content types, workbook and a sheet of `mib` MiB of repetitive cells. */
export function xlsxZip(sheets = 4, mib = 128): Buffer {
  const row = Buffer.from('<row><c t="s"><v>0</v></c><c><v>42</v></c></row>');
  const sheet = Buffer.alloc(mib * MiB);
  for (let i = 0; i < sheet.length; i += row.length) row.copy(sheet, i);
  const sheetEntry = deflated('sheet.xml', sheet);
  return zipOf([
    deflated('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types></Types>')),
    deflated('xl/workbook.xml', Buffer.from('<workbook><sheets/></workbook>')),
    deflated('xl/sharedStrings.xml', Buffer.from('<sst><si><t>x</t></si></sst>')),
    ...Array.from({ length: sheets }, (_, i) => ({ ...sheetEntry, name: `xl/worksheets/sheet${i + 1}.xml` })),
  ]);
}

/** The bomb family the memory bound is held to. */
export function bombFamily(): Bomb[] {
  return [
    { name: 'nested.zip', bytes: nestedZip() },
    { name: 'overlap.zip', bytes: overlappingZip() },
    { name: 'zeros.gz', bytes: gzipOfZeros() },
    { name: 'text.log.gz', bytes: gzipOfText() },
    ...sparseTars(),
    { name: 'book.xlsx', bytes: xlsxZip() },
  ];
}
