import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, type Zippable, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { Scanner } from '../../src/scanner.ts';
import { mutations } from './fuzz.ts';

const scanner = new Scanner({ fingerprintKey: 'fuzz-readers' });
const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const EMAIL = 'maria.lopez@northwind-traders.com';
const AWS = 'AKIAQYLPMN5HHHFPZAM2';
const STATUSES = ['COMPLETE', 'PARTIAL', 'SKIPPED'];

function officeZip(parts: [string, string][], mimetype?: string): Uint8Array {
  const files: Zippable = {};
  if (mimetype) files.mimetype = [strToU8(mimetype), { level: 0 }];
  for (const [name, xml] of parts) files[name] = strToU8(xml);
  return zipSync(files);
}

async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, body] of Object.entries(files)) pack.entry({ name }, body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(`Contact ${EMAIL}`);
    doc.addPage().text(`key ${AWS}`);
    doc.end();
  });
}

const text = `contact ${EMAIL}\naws_access_key_id = ${AWS}\n`.repeat(20);

/** Every reader meets damaged input: each damaged copy ends with a status and, unless COMPLETE, a reason. */
const samples: [string, () => Promise<Uint8Array>][] = [
  ['report.pdf', pdf],
  ['log.txt.gz', async () => gzipSync(Buffer.from(text))],
  ['compressed.log.bz2', () => readFile(path.join(FIXTURES, 'compressed.log.bz2'))],
  ['compressed.log.xz', () => readFile(path.join(FIXTURES, 'compressed.log.xz'))],
  ['compressed.log.zst', () => readFile(path.join(FIXTURES, 'compressed.log.zst'))],
  ['compressed.tzst', () => readFile(path.join(FIXTURES, 'compressed.tzst'))],
  ['letter.rtf', () => readFile(path.join(FIXTURES, 'producers/libreoffice-letter.rtf'))],
  ['bundle.tar', () => tarOf({ 'a.txt': text, 'dir/b.csv': `name,email\nMaria,${EMAIL}\n` })],
  ['bundle.tgz', async () => gzipSync(await tarOf({ 'a.txt': text }))],
  [
    'bundle.zip',
    async () => zipSync({ 'a.txt': strToU8(text), 'inner.zip': zipSync({ 'b.txt': strToU8(text) }) }),
  ],
  [
    'sheet.xlsx',
    async () =>
      officeZip([
        ['[Content_Types].xml', '<Types><Override PartName="/xl/sharedStrings.xml"/></Types>'],
        [
          'xl/worksheets/sheet1.xml',
          '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>4.539148803436467E+15</v></c></row></sheetData></worksheet>',
        ],
        ['xl/sharedStrings.xml', `<sst><si><t>${EMAIL}</t></si></sst>`],
      ]),
  ],
  [
    'deck.pptx',
    async () =>
      officeZip([
        ['[Content_Types].xml', '<Types/>'],
        [
          'ppt/slides/slide1.xml',
          `<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${EMAIL}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
        ],
      ]),
  ],
  [
    'memo.odt',
    async () =>
      officeZip(
        [
          [
            'content.xml',
            `<office:document-content><office:body><office:text><text:p>key ${AWS}</text:p></office:text></office:body></office:document-content>`,
          ],
        ],
        'application/vnd.oasis.opendocument.text',
      ),
  ],
  [
    'people.ods',
    async () =>
      officeZip(
        [
          [
            'content.xml',
            `<office:document-content><office:body><office:spreadsheet><table:table table:name="P"><table:table-row><table:table-cell><text:p>${EMAIL}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`,
          ],
        ],
        'application/vnd.oasis.opendocument.spreadsheet',
      ),
  ],
];

describe('readers survive truncated and bit-flipped input', () => {
  it.each(samples)('%s', async (name, make) => {
    const bytes = await make();
    const intact = await scanner.scanObject([bytes], { name });
    expect(intact.status, intact.reason_detail).toBe('COMPLETE');
    expect(intact.findings.length).toBeGreaterThan(0);
    let damaged = 0;
    for (const mutated of mutations(bytes, 24, name.length)) {
      const result = await scanner.scanObject([mutated], { name });
      expect(STATUSES, name).toContain(result.status);
      if (result.status !== 'COMPLETE') {
        expect(result.reason, name).toBeDefined();
        damaged++;
      }
    }
    // Truncation (every other copy) is always noticed by some reader.
    expect(damaged).toBeGreaterThan(0);
  });
});
