import { strToU8, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/fingerprint.ts';
import { Scanner } from '../../src/scanner.ts';
import type { Finding } from '../../src/types.ts';

const KEY = 'office-test';
const scanner = new Scanner({ fingerprintKey: KEY });
const AWS = 'AKIAQYLPMN5HHHFPZAM2';
const EMAIL = 'maria.lopez@northwind-traders.com';
const CARD = '4539148803436467';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** An office zip with its parts in the given order (the order real writers use matters). */
function officeZip(parts: [string, string][], mimetype?: string): Uint8Array {
  const files: Zippable = {};
  if (mimetype) files.mimetype = [strToU8(mimetype), { level: 0 }];
  for (const [name, xml] of parts) files[name] = strToU8(xml);
  return zipSync(files);
}

function hit(findings: readonly Finding[], value: string): Finding | undefined {
  const fp = fingerprint(KEY, value);
  return findings.find((f) => f.fingerprint === fp);
}

describe('Word (docx)', () => {
  const docx = officeZip([
    ['[Content_Types].xml', '<Types/>'],
    [
      'word/document.xml',
      `<w:document ${W}><w:body>
        <w:p><w:r><w:t>Quarterly notes</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">aws key: AKIAQYLPMN5</w:t></w:r><w:r><w:t>HHHFPZAM2</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Email</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Maria</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>${EMAIL}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:del><w:r><w:delText>card ${CARD}</w:delText></w:r></w:del></w:p>
      </w:body></w:document>`,
    ],
    ['word/header1.xml', `<w:hdr ${W}><w:p><w:r><w:t>Confidential</w:t></w:r></w:p></w:hdr>`],
    [
      'word/comments.xml',
      `<w:comments ${W}><w:comment><w:p><w:r><w:t>call +44 20 7946 0958</w:t></w:r></w:p></w:comment></w:comments>`,
    ],
    ['word/styles.xml', '<w:styles/>'],
  ]);

  it('finds text split across runs, in tables, tracked deletions and comments, with their places', async () => {
    const result = await scanner.scanObject([docx], { name: 'notes.docx' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(hit(result.findings, AWS)?.location).toMatchObject({ part: 'document', paragraph: 2 });
    expect(hit(result.findings, EMAIL)?.location).toMatchObject({ part: 'document', cell: 'table 1 R2C2' });
    expect(hit(result.findings, CARD)?.detector).toBe('payment-card');
    expect(hit(result.findings, '+44 20 7946 0958')?.location.part).toBe('comments');
  });

  it('reads a mislabelled document by its content', async () => {
    const result = await scanner.scanObject([docx], { name: 'upload.bin' });
    expect(hit(result.findings, AWS)?.location.part).toBe('document');
  });
});

describe('Excel (xlsx)', () => {
  const sheet = `<worksheet><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
    <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>4.539148803436467E+15</v></c></row>
    <row r="3"><c r="A3" t="inlineStr"><is><t>Ops</t></is></c><c r="B3" t="str"><f>CONCAT("AKIA","QYLPMN5HHHFPZAM2")</f><v>${AWS}</v></c></row>
  </sheetData></worksheet>`;
  // Excel writes the worksheets before the shared strings they refer to.
  const xlsx = officeZip([
    ['[Content_Types].xml', '<Types><Override PartName="/xl/sharedStrings.xml"/></Types>'],
    [
      'xl/workbook.xml',
      '<workbook><sheets><sheet name="Customers" sheetId="1" r:id="rId1" xmlns:r="r"/></sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    ],
    ['xl/worksheets/sheet1.xml', sheet],
    [
      'xl/sharedStrings.xml',
      `<sst><si><t>name</t></si><si><t>email</t></si><si><t>card</t></si><si><t>Maria</t></si><si><t>${EMAIL}</t></si></sst>`,
    ],
  ]);

  it('locates values by sheet and cell, with the header row as column name', async () => {
    const result = await scanner.scanObject([xlsx], { name: 'customers.xlsx' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(hit(result.findings, EMAIL)?.location).toMatchObject({
      sheet: 'Customers',
      cell: 'B2',
      column_name: 'email',
    });
    expect(hit(result.findings, AWS)?.location).toMatchObject({ sheet: 'Customers', cell: 'B3' });
  });

  it('writes numbers out in digits, so a card stored as a number is found', async () => {
    const result = await scanner.scanObject([xlsx], { name: 'customers.xlsx' });
    expect(result.findings.find((f) => f.detector === 'payment-card')?.location.cell).toBe('C2');
  });
});

describe('PowerPoint (pptx)', () => {
  it('locates text by slide and shape, and notes as notes', async () => {
    const pptx = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      [
        'ppt/slides/slide2.xml',
        `<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/></p:nvSpPr><p:txBody><a:p><a:r><a:t>Contact ${EMAIL}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
      ],
      [
        'ppt/notesSlides/notesSlide2.xml',
        `<p:notes xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>aws_access_key_id=${AWS}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>`,
      ],
    ]);
    const result = await scanner.scanObject([pptx], { name: 'deck.pptx' });
    expect(hit(result.findings, EMAIL)?.location).toMatchObject({ slide: 2, part: 'Title 1' });
    expect(hit(result.findings, AWS)?.location).toMatchObject({ slide: 2, part: 'notes' });
  });
});

describe('OpenDocument', () => {
  it('reads a text document by paragraph', async () => {
    const odt = officeZip(
      [
        [
          'content.xml',
          `<office:document-content><office:body><office:text><text:p>Hello</text:p><text:p>key <text:span>${AWS}</text:span></text:p></office:text></office:body></office:document-content>`,
        ],
      ],
      'application/vnd.oasis.opendocument.text',
    );
    const result = await scanner.scanObject([odt], { name: 'memo.odt' });
    expect(hit(result.findings, AWS)?.location).toMatchObject({ part: 'content', paragraph: 2 });
  });

  it('reads a spreadsheet by sheet and cell, expanding repeated cells', async () => {
    const ods = officeZip(
      [
        [
          'content.xml',
          `<office:document-content><office:body><office:spreadsheet><table:table table:name="People">
            <table:table-row><table:table-cell><text:p>name</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>email</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell><text:p>Maria</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>${EMAIL}</text:p></table:table-cell></table:table-row>
          </table:table></office:spreadsheet></office:body></office:document-content>`,
        ],
      ],
      'application/vnd.oasis.opendocument.spreadsheet',
    );
    const result = await scanner.scanObject([ods], { name: 'people.bin' });
    expect(hit(result.findings, EMAIL)?.location).toMatchObject({
      sheet: 'People',
      cell: 'D2',
      column_name: 'email',
    });
  });
});

describe('namespace prefixes other than Office writes', () => {
  const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

  it('reads a workbook whose parts bind spreadsheetml to x: (the Open XML SDK)', async () => {
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types><Override PartName="/xl/sharedStrings.xml"/></Types>'],
      ['xl/sharedStrings.xml', `<x:sst xmlns:x="${SML}"><x:si><x:t>${EMAIL}</x:t></x:si></x:sst>`],
      ['xl/styles.xml', `<x:styleSheet xmlns:x="${SML}"/>`],
      [
        'xl/worksheets/sheet1.xml',
        `<x:worksheet xmlns:x="${SML}"><x:sheetData><x:row x:r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>` +
          `<x:c r="B1" t="inlineStr"><x:is><x:t>${AWS}</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      ],
    ]);
    const result = await scanner.scanObject([bytes], { name: 'export.xlsx' });
    expect(hit(result.findings, EMAIL)?.location).toMatchObject({ sheet: 'sheet1', cell: 'A1' });
    expect(hit(result.findings, AWS)?.location).toMatchObject({ sheet: 'sheet1', cell: 'B1' });
  });

  it('reads a Strict OOXML document that binds wordprocessingml as the default namespace', async () => {
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      [
        'word/document.xml',
        `<document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"><body><p><r><t>key ${AWS}</t></r></p></body></document>`,
      ],
    ]);
    const result = await scanner.scanObject([bytes], { name: 'strict.docx' });
    expect(hit(result.findings, AWS)?.location).toMatchObject({ part: 'document', paragraph: 1 });
  });
});

describe('sheet names', () => {
  it('names a sheet read before the workbook relationships that map its name', async () => {
    const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types><Override PartName="/xl/styles.xml"/></Types>'],
      [
        'xl/workbook.xml',
        `<workbook ${S} ${R}><sheets><sheet name="Payroll" sheetId="1" r:id="rId3"/></sheets></workbook>`,
      ],
      ['xl/styles.xml', `<styleSheet ${S}/>`],
      [
        'xl/worksheets/sheet1.xml',
        `<worksheet ${S}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${EMAIL}</t></is></c></row></sheetData></worksheet>`,
      ],
      [
        'xl/_rels/workbook.xml.rels',
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Target="worksheets/sheet1.xml"/></Relationships>',
      ],
    ]);
    const result = await scanner.scanObject([bytes], { name: 'payroll.xlsx' });
    expect(hit(result.findings, EMAIL)?.location).toMatchObject({ sheet: 'Payroll', cell: 'A1' });
  });
});

describe('content parts', () => {
  it('reads a body a producer named word/document2.xml', async () => {
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      [
        'word/document2.xml',
        `<w:document ${W}><w:body><w:p><w:r><w:t>key ${AWS}</w:t></w:r></w:p></w:body></w:document>`,
      ],
    ]);
    const result = await scanner.scanObject([bytes], { name: 'memo.docx' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(hit(result.findings, AWS)?.location.part).toBe('document');
  });

  it('ends a package with no content part it knows PARTIAL, not COMPLETE with nothing', async () => {
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      [
        'word/body.xml',
        `<w:document ${W}><w:body><w:p><w:r><w:t>key ${AWS}</w:t></w:r></w:p></w:body></w:document>`,
      ],
    ]);
    const result = await scanner.scanObject([bytes], { name: 'memo.docx' });
    expect(result.status).toBe('PARTIAL');
    expect(result.reason).toBe('CORRUPT_DOCUMENT');
    expect(result.reason_detail).toContain('word/document.xml');
  });
});

describe('OpenDocument notes and frames', () => {
  it('keeps a footnote mark out of the number before it, and a note in its own paragraph', async () => {
    const T = 'xmlns:office="o" xmlns:text="t" xmlns:draw="d"';
    const bytes = officeZip(
      [
        [
          'content.xml',
          `<office:document-content ${T}><office:body><office:text><text:p>Card 4539 1488 0343 6467<text:note text:note-class="footnote">` +
            `<text:note-citation>1</text:note-citation><text:note-body><text:p>see ${EMAIL}</text:p></text:note-body></text:note> on file.</text:p>` +
            '</office:text></office:body></office:document-content>',
        ],
      ],
      'application/vnd.oasis.opendocument.text',
    );
    const result = await scanner.scanObject([bytes], { name: 'memo.odt' });
    expect(hit(result.findings, '4539 1488 0343 6467')?.detector).toBe('payment-card');
    expect(hit(result.findings, EMAIL)?.location).toMatchObject({ part: 'content', paragraph: 1, column: 5 });
  });
});

describe('charts and diagrams', () => {
  it('reads chart titles and cached values, and SmartArt text, by part', async () => {
    const A = 'xmlns:a="a" xmlns:c="c" xmlns:dgm="dgm"';
    const bytes = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      ['ppt/slides/slide1.xml', `<p:sld xmlns:p="p" ${A}><p:cSld><p:spTree/></p:cSld></p:sld>`],
      [
        'ppt/charts/chart1.xml',
        `<c:chartSpace ${A}><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>Refunds</a:t></a:r></a:p></c:rich></c:tx></c:title>` +
          `<c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:strCache><c:pt idx="0"><c:v>${EMAIL}</c:v></c:pt></c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
      ],
      [
        'ppt/diagrams/data1.xml',
        `<dgm:dataModel ${A}><dgm:ptLst><dgm:pt modelId="1"><dgm:t><a:p><a:r><a:t>key ${AWS}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`,
      ],
    ]);
    const result = await scanner.scanObject([bytes], { name: 'deck.pptx' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(hit(result.findings, EMAIL)?.location.part).toBe('chart1');
    expect(hit(result.findings, AWS)?.location.part).toBe('data1');
  });
});

describe('hostile office files', () => {
  it('ends a document with broken XML as PARTIAL or SKIPPED with a reason', async () => {
    const broken = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', `<w:document ${W}><w:body><w:p><w:t>unclosed`],
    ]);
    const result = await scanner.scanObject([broken], { name: 'broken.docx' });
    expect(result.status).not.toBe('COMPLETE');
    expect(result.reason).toBe('CORRUPT_DOCUMENT');
  });

  it('survives truncated and bit-flipped documents', async () => {
    const docx = officeZip([
      ['[Content_Types].xml', '<Types/>'],
      [
        'word/document.xml',
        `<w:document ${W}><w:body><w:p><w:r><w:t>${EMAIL}</w:t></w:r></w:p></w:body></w:document>`,
      ],
    ]);
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 40; i++) {
      const mutated = Buffer.from(docx);
      if (i % 2 === 0) {
        for (let k = 0; k < 4; k++) {
          const at = Math.floor(rand() * mutated.length);
          mutated.writeUInt8(mutated.readUInt8(at) ^ (1 << Math.floor(rand() * 8)), at);
        }
      }
      const input = i % 2 === 0 ? mutated : mutated.subarray(0, Math.floor(rand() * mutated.length));
      const result = await scanner.scanObject([input], { name: 'fuzz.docx' });
      expect(['COMPLETE', 'PARTIAL', 'SKIPPED']).toContain(result.status);
      if (result.status !== 'COMPLETE') expect(result.reason).toBeDefined();
    }
  });
});
