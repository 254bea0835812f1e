import { readFile } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/fingerprint.ts';
import { Scanner } from '../../src/scanner.ts';

const KEY = 'documents-test';
const scanner = new Scanner({ fingerprintKey: KEY });
const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const AWS_KEY = 'AKIAQYLPMN5HHHFPZAM2';

function pdf(
  build: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

describe('compressed streams besides gzip', () => {
  it.each(['compressed.log.bz2', 'compressed.log.xz', 'compressed.log.zst', 'compressed.tzst'])(
    '%s is decompressed and scanned as its content',
    async (file) => {
      const bytes = await readFile(path.join(FIXTURES, file));
      const result = await scanner.scanObject([bytes], { name: file });
      expect(result.status, result.reason_detail).toBe('COMPLETE');
      const hit = result.findings.find((f) => f.fingerprint === fingerprint(KEY, AWS_KEY));
      expect(hit?.detector).toBe('aws-access-key-id');
      if (file.endsWith('.tzst')) expect(hit?.location.archive_path).toBe('compressed.log');
    },
  );

  it('reads a mislabelled object by its content, not its name', async () => {
    const bytes = await readFile(path.join(FIXTURES, 'compressed.log.xz'));
    const result = await scanner.scanObject([bytes], { name: 'report.txt' });
    expect(result.findings.map((f) => f.detector)).toEqual(['aws-access-key-id']);
  });

  it('ends a truncated stream PARTIAL or SKIPPED with a reason, never a crash', async () => {
    for (const file of ['compressed.log.bz2', 'compressed.log.xz', 'compressed.log.zst']) {
      const bytes = await readFile(path.join(FIXTURES, file));
      const result = await scanner.scanObject([bytes.subarray(0, Math.floor(bytes.length / 2))], {
        name: file,
      });
      expect(result.status, file).not.toBe('COMPLETE');
      expect(result.reason, file).toBeDefined();
    }
  });
});

describe('PDF', () => {
  it('scans the text layer page by page and reports the page', async () => {
    const bytes = await pdf((doc) => {
      doc.text('Quarterly report, nothing to see.');
      doc.addPage().text(`Deploy credentials: aws_access_key_id = ${AWS_KEY}`);
      doc.addPage().text('Contact: maria.lopez@northwind-traders.com');
    });
    const result = await scanner.scanObject([bytes], { name: 'report.pdf' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    const key = result.findings.find((f) => f.detector === 'aws-access-key-id');
    expect(key?.fingerprint).toBe(fingerprint(KEY, AWS_KEY));
    expect(key?.location.page).toBe(2);
    expect(result.findings.find((f) => f.detector === 'email')?.location.page).toBe(3);
  });

  it('skips an encrypted PDF as ENCRYPTED', async () => {
    const bytes = await pdf((doc) => doc.text(`key ${AWS_KEY}`), {
      userPassword: 'open sesame',
      pdfVersion: '1.7',
    });
    const result = await scanner.scanObject([bytes], { name: 'locked.pdf' });
    expect(result.status).toBe('SKIPPED');
    expect(result.reason).toBe('ENCRYPTED');
  });

  it('skips a PDF of images without text as NO_TEXT_LAYER', async () => {
    const bytes = await pdf((doc) => {
      doc.rect(50, 50, 200, 100).fill('#333333');
      doc.addPage().circle(100, 100, 50).stroke();
    });
    const result = await scanner.scanObject([bytes], { name: 'scan.pdf' });
    expect(result.status).toBe('SKIPPED');
    expect(result.reason).toBe('NO_TEXT_LAYER');
  });

  it('ends a corrupt PDF with CORRUPT_PDF', async () => {
    const bytes = await pdf((doc) => doc.text('hello'));
    const broken = Buffer.concat([bytes.subarray(0, 40), Buffer.alloc(200, 0x41)]);
    const result = await scanner.scanObject([broken], { name: 'broken.pdf' });
    expect(result.status).not.toBe('COMPLETE');
    expect(['CORRUPT_PDF', 'NO_TEXT_LAYER']).toContain(result.reason);
  });
});

describe('formats not read', () => {
  it('names a legacy Office file as UNSUPPORTED_FORMAT', async () => {
    const ole2 = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    const result = await scanner.scanObject([ole2], { name: 'budget.xls' });
    expect(result.status).toBe('SKIPPED');
    expect(result.reason).toBe('UNSUPPORTED_FORMAT');
    expect(result.reason_detail).toContain('.xls');
  });

  it('skips a password-protected Office document (OLE2-wrapped) as ENCRYPTED', async () => {
    const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const byName = await scanner.scanObject([Buffer.concat([magic, Buffer.alloc(504)])], {
      name: 'salaries.xlsx',
    });
    expect(byName.status).toBe('SKIPPED');
    expect(byName.reason).toBe('ENCRYPTED');
    const directory = Buffer.concat([
      magic,
      Buffer.alloc(1016),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(400),
    ]);
    const byStream = await scanner.scanObject([directory], { name: 'download.bin' });
    expect(byStream.reason).toBe('ENCRYPTED');
  });

  it('names ORC as UNSUPPORTED_FORMAT', async () => {
    const result = await scanner.scanObject([Buffer.from('ORC\u0000\u0001binary stripes')], {
      name: 'part-0.orc',
    });
    expect(result.status).toBe('SKIPPED');
    expect(result.reason).toBe('UNSUPPORTED_FORMAT');
  });
});
