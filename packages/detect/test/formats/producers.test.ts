import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/fingerprint.ts';
import { Scanner } from '../../src/scanner.ts';
import type { Finding, ObjectScanResult } from '../../src/types.ts';

// Documents written by LibreOffice, Chromium, qpdf and pdfkit (fixtures/producers/README.md).
const KEY = 'producers-test';
const scanner = new Scanner({ fingerprintKey: KEY });
const DIR = path.join(import.meta.dirname, '../fixtures/producers');

// Split so that no credential sits whole in this file either.
const AWS_ID = `AKIA${'TAUTYMUA2ZQHLDMK'}`;
const AWS_SECRET = `NOYEEIlE${'b4plWSO0q4+bPN6nGxzj7RQJQelQiDvP'}`;
const GITHUB = `ghp_${'uHI0jw7xjHjpORJLQ4gvtsnqmCZgRc0olcfx'}`;
const STRIPE = `sk_live_${'nGKbtRMB5MaoPcP8416KNBcftqLIBqgXg2hwHYLDc9YggyhFpft3q6tHm0e6ksCuEBtcEHe8GV8XrARD5sWWBO5SUHIIMZnQ2V8'}`;
const PASSWORD = 'Tr0ub4dor&3-Horse-Battery';
const DB_PASSWORD = 'N7#qv!Lr2$Wp-9zKe';
const EMAIL = 'maria.lopez@northwind-traders.com';
const REVIEWER = 'priya.raman@northwind-traders.com';
const SSN = '367-11-5745';
const PHONE = '+44 20 7946 0958';
const CARD = '4539298940154000';
const CARD_SPACED = '4539 2989 4015 4000';
const IBAN = 'DE81500105171040001600';
const IBAN_SPACED = 'DE81 5001 0517 1040 0016 00';

async function scan(file: string): Promise<ObjectScanResult> {
  return scanner.scanObject([await readFile(path.join(DIR, file))], { name: file });
}

function hits(result: ObjectScanResult, value: string): Finding[] {
  const fp = fingerprint(KEY, value);
  return result.findings.filter((f) => f.fingerprint === fp);
}

function hit(result: ObjectScanResult, value: string): Finding | undefined {
  return hits(result, value)[0];
}

/** A value's finding in the document itself, not in an object embedded in it. */
function own(result: ObjectScanResult, value: string): Finding[] {
  return hits(result, value).filter((f) => f.location.archive_path === undefined);
}

describe('LibreOffice Writer', () => {
  it('docx: finds every planted value in body, tracked deletion, comment, footnote, text box, header, footer and properties', async () => {
    const r = await scan('libreoffice-letter.docx');
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    expect(own(r, AWS_ID)[0]?.location).toMatchObject({ part: 'document' });
    expect(own(r, AWS_SECRET)[0]?.location).toMatchObject({ part: 'document' });
    expect(own(r, GITHUB)[0]?.location).toMatchObject({ part: 'document' });
    expect(own(r, PASSWORD)[0]?.location.part).toBe('comments');
    expect(own(r, STRIPE)[0]?.location.part).toBe('footnotes');
    expect(own(r, PHONE)[0]?.location.part).toBe('header1');
    expect(own(r, IBAN_SPACED)[0]?.location.part).toBe('footer1');
    expect(own(r, REVIEWER)[0]?.location.part).toBe('properties');
    expect(own(r, EMAIL)[0]?.location).toMatchObject({ part: 'document', cell: 'table 1 R1C2' });
    expect(own(r, CARD_SPACED)[0]?.location).toMatchObject({ part: 'document', cell: 'table 1 R2C2' });
  });

  it('docx: reads a text box once, as its own paragraph, not run into the paragraph around it', async () => {
    const r = await scan('libreoffice-letter.docx');
    const ssn = own(r, SSN);
    expect(ssn).toHaveLength(1);
    expect(ssn[0]?.location).toMatchObject({ part: 'document', column: 22 });
  });

  it('docx: scans the workbook embedded in the document, located inside it', async () => {
    const r = await scan('libreoffice-letter.docx');
    expect(hit(r, IBAN)?.location).toMatchObject({
      archive_path: 'word/embeddings/oleObject1.xlsx',
      sheet: 'Customers',
      cell: 'F2',
    });
  });

  it('odt: finds the same values, a footnote without its mark run into the text', async () => {
    const r = await scan('libreoffice-letter.odt');
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    for (const v of [
      AWS_ID,
      AWS_SECRET,
      GITHUB,
      PASSWORD,
      STRIPE,
      SSN,
      PHONE,
      IBAN_SPACED,
      EMAIL,
      REVIEWER,
    ]) {
      expect(hit(r, v), v).toBeDefined();
    }
    expect(hits(r, SSN)[0]?.location).toMatchObject({ part: 'content', column: 22 });
    expect(hit(r, PHONE)?.location.part).toBe('styles');
  });

  it("reports no IP address in the producer's version (LibreOffice/7.4.7.2)", async () => {
    for (const file of [
      'libreoffice-letter.docx',
      'libreoffice-letter.odt',
      'libreoffice-customers.xlsx',
      'libreoffice-deck.pptx',
    ]) {
      const r = await scan(file);
      expect(
        r.findings.filter((f) => f.detector === 'ipv4-address'),
        file,
      ).toEqual([]);
    }
  });

  it('finds no credential or card in a password policy', async () => {
    const r = await scan('libreoffice-policy.docx');
    expect(r.status).toBe('COMPLETE');
    expect(r.findings.filter((f) => f.category === 'credentials' || f.category === 'financial')).toEqual([]);
  });

  it('rtf: reads the text, not the markup, with header, footer, comment and footnote as parts', async () => {
    const r = await scan('libreoffice-letter.rtf');
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    expect(hit(r, AWS_ID)?.location).toMatchObject({ part: 'document', paragraph: 2 });
    expect(hit(r, AWS_SECRET)?.location).toMatchObject({ part: 'document', paragraph: 2 });
    expect(hit(r, GITHUB)?.location).toMatchObject({ part: 'document', paragraph: 3 });
    expect(hit(r, PASSWORD)?.location).toMatchObject({ part: 'comments' });
    expect(hit(r, STRIPE)?.location).toMatchObject({ part: 'footnotes' });
    expect(hit(r, PHONE)?.location).toMatchObject({ part: 'header' });
    expect(hit(r, IBAN_SPACED)?.location).toMatchObject({ part: 'footer' });
    expect(hit(r, REVIEWER)?.location).toMatchObject({ part: 'properties' });
    expect(hit(r, SSN)?.location).toMatchObject({ part: 'document', column: 22 });
    expect(hit(r, EMAIL)).toBeDefined();
    expect(hit(r, CARD_SPACED)).toBeDefined();
    expect(r.findings.filter((f) => f.detector === 'ipv4-address')).toEqual([]);
  });

  it('names a legacy .doc as UNSUPPORTED_FORMAT, not COMPLETE with nothing', async () => {
    const r = await scan('libreoffice-letter.doc');
    expect(r.status).toBe('SKIPPED');
    expect(r.reason).toBe('UNSUPPORTED_FORMAT');
    expect(r.reason_detail).toContain('legacy Word document');
  });
});

describe('LibreOffice Calc', () => {
  it.each(['libreoffice-customers.xlsx', 'libreoffice-customers.ods'])(
    '%s: cells by sheet and header, numbers in digits, hidden sheet, formula result',
    async (file) => {
      const r = await scan(file);
      expect(r.status, r.reason_detail).toBe('COMPLETE');
      expect(hit(r, EMAIL)?.location).toMatchObject({ sheet: 'Customers', cell: 'B2', column_name: 'Email' });
      expect(hit(r, CARD)?.location).toMatchObject({
        sheet: 'Customers',
        cell: 'D2',
        column_name: 'Card number',
      });
      expect(hit(r, SSN)?.location).toMatchObject({ sheet: 'Customers', cell: 'E2' });
      expect(hit(r, IBAN)?.location).toMatchObject({ sheet: 'Customers', cell: 'F2' });
      expect(hit(r, GITHUB)?.location).toMatchObject({ sheet: 'Customers', cell: 'G3' });
      expect(hit(r, AWS_ID)?.location).toMatchObject({ sheet: 'Keys', cell: 'B1' });
      expect(hit(r, STRIPE)?.location).toMatchObject({ sheet: 'Keys', cell: 'B3' });
    },
  );

  it.each(['libreoffice-customers.xlsx', 'libreoffice-customers.ods'])(
    '%s: a value beside its label (db_password | value) is read under that label',
    async (file) => {
      const r = await scan(file);
      const found = hit(r, DB_PASSWORD);
      expect(found?.detector).toBe('generic-secret');
      expect(found?.location).toMatchObject({ sheet: 'Keys', cell: 'B4' });
      expect(found?.location.column_name).toBeUndefined();
    },
  );

  it.each(['libreoffice-customers.xlsx', 'libreoffice-customers.ods'])(
    '%s: a date cell reads as its date, so a date of birth is found',
    async (file) => {
      const r = await scan(file);
      expect(hit(r, '1984-07-19')).toMatchObject({
        detector: 'date-of-birth',
        location: { sheet: 'Customers', cell: 'G2', column_name: 'Date of birth' },
      });
    },
  );

  it('xlsx: reads cell comments, located by sheet and cell', async () => {
    const r = await scan('libreoffice-customers.xlsx');
    expect(hit(r, PASSWORD)?.location).toMatchObject({ sheet: 'Customers', cell: 'E3', part: 'comments' });
  });

  it('ods: reads a cell comment with its cell', async () => {
    const r = await scan('libreoffice-customers.ods');
    expect(hit(r, PASSWORD)?.location).toMatchObject({ sheet: 'Customers', cell: 'E3' });
  });

  it('xlsx: reads the text of a shape drawn on a sheet', async () => {
    const r = await scan('libreoffice-shapes.xlsx');
    expect(hit(r, SSN)?.location).toMatchObject({ sheet: 'Notes', part: 'drawing' });
  });

  it('names a legacy .xls as UNSUPPORTED_FORMAT', async () => {
    const r = await scan('libreoffice-customers.xls');
    expect(r.status).toBe('SKIPPED');
    expect(r.reason).toBe('UNSUPPORTED_FORMAT');
    expect(r.reason_detail).toContain('legacy Excel workbook');
  });
});

describe('LibreOffice Impress', () => {
  it.each(['libreoffice-deck.pptx', 'libreoffice-deck.odp'])('%s: slides and speaker notes', async (file) => {
    const r = await scan(file);
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    expect(hit(r, EMAIL)?.location).toMatchObject({ slide: 1 });
    expect(hit(r, AWS_ID)?.location).toMatchObject({ slide: 1 });
    expect(hit(r, PASSWORD)?.location).toMatchObject({ slide: 1, part: 'notes' });
    expect(hit(r, GITHUB)?.location).toMatchObject({ slide: 1, part: 'notes' });
    expect(hit(r, IBAN_SPACED)?.location).toMatchObject({ slide: 2 });
    expect(hit(r, CARD_SPACED)?.location).toMatchObject({ slide: 2 });
    expect(hit(r, SSN)?.location).toMatchObject({ slide: 2 });
  });
});

describe('PDF producers', () => {
  it.each(['chromium-report.pdf', 'qpdf-empty-user-password.pdf'])(
    '%s: two columns, a table and letter-spaced text, page 1',
    async (file) => {
      const r = await scan(file);
      expect(r.status, r.reason_detail).toBe('COMPLETE');
      for (const v of [AWS_ID, GITHUB, PASSWORD, EMAIL, PHONE, SSN, CARD_SPACED, IBAN_SPACED]) {
        expect(hit(r, v)?.location.page, v).toBe(1);
      }
      // "aws_secret_access_key =" ends a line the layout wrapped; its value starts the next.
      expect(hit(r, AWS_SECRET)?.detector).toBe('aws-secret-access-key');
    },
  );

  it('tagged LibreOffice PDF: the text layer of the letter, and its comment', async () => {
    const r = await scan('libreoffice-letter-tagged.pdf');
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    for (const v of [AWS_ID, AWS_SECRET, GITHUB, EMAIL, PHONE, SSN, CARD_SPACED, IBAN_SPACED]) {
      expect(hit(r, v)?.location.page, v).toBe(1);
    }
    expect(hit(r, PASSWORD)?.location).toMatchObject({ page: 1, part: 'annotation' });
  });

  it('tagged LibreOffice PDF: a key longer than the line, broken across two, is found whole', async () => {
    const r = await scan('libreoffice-letter-tagged.pdf');
    expect(hit(r, STRIPE)?.location.page).toBe(1);
    expect(r.findings.filter((f) => f.detector === 'stripe-secret-key')).toHaveLength(1);
  });

  it('reads a code block line by line, and a key broken at the margin whole', async () => {
    const r = await scan('chromium-runbook.pdf');
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    for (const v of [AWS_ID, AWS_SECRET, GITHUB, STRIPE]) expect(hit(r, v)?.location.page, v).toBe(1);
    expect(hit(r, AWS_ID)?.location).toMatchObject({ line: 5 });
    expect(hit(r, AWS_SECRET)?.location).toMatchObject({ line: 6 });
  });

  it('finds nothing in an invoice with order numbers and a masked card', async () => {
    const r = await scan('chromium-invoice.pdf');
    expect(r.status).toBe('COMPLETE');
    expect(r.findings).toEqual([]);
  });

  it('reads the values of a filled form, under their field names', async () => {
    const r = await scan('pdfkit-form.pdf');
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    expect(hit(r, SSN)?.location).toMatchObject({ page: 1, part: 'form' });
    expect(hit(r, EMAIL)?.location).toMatchObject({ page: 1, part: 'form' });
    expect(hit(r, GITHUB)?.location).toMatchObject({ page: 1, part: 'form' });
    expect(hit(r, DB_PASSWORD)?.detector).toBe('generic-secret');
  });

  it('reads the document information a person wrote, not the version in /Creator', async () => {
    const r = await scan('pdfkit-form.pdf');
    expect(hit(r, REVIEWER)?.location).toEqual(expect.objectContaining({ part: 'properties' }));
    expect(r.findings.filter((f) => f.detector === 'ipv4-address')).toEqual([]);
  });

  it('scans a file attached to a PDF, located inside it', async () => {
    const r = await scan('qpdf-invoice-attachment.pdf');
    expect(r.status, r.reason_detail).toBe('COMPLETE');
    expect(hit(r, IBAN)?.location).toMatchObject({ archive_path: 'payees.csv', column_name: 'iban' });
    expect(hit(r, EMAIL)?.location).toMatchObject({ archive_path: 'payees.csv' });
  });

  it('ends a scan-only PDF SKIPPED NO_TEXT_LAYER', async () => {
    const r = await scan('chromium-scanned.pdf');
    expect(r.status).toBe('SKIPPED');
    expect(r.reason).toBe('NO_TEXT_LAYER');
  });

  it('ends a PDF that needs a user password SKIPPED ENCRYPTED', async () => {
    const r = await scan('qpdf-user-password.pdf');
    expect(r.status).toBe('SKIPPED');
    expect(r.reason).toBe('ENCRYPTED');
  });
});
