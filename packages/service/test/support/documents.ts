import { strToU8, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import PDFDocument from 'pdfkit';
import { fakeAwsKeyId } from './fake-secrets.ts';

/** Documents and data files, each holding AWS key `i` at a known place, as real writers lay them out. */
export interface DocumentFixture {
  name: string;
  body: Uint8Array;
  /** The location fields the finding must carry. */
  expected: Record<string, string | number>;
}

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Cover page');
    doc.addPage().text(text);
    doc.end();
  });
}

/** An xlsx (worksheet before shared strings, as Excel writes it), docx, pptx, PDF, Parquet and e-mail. */
export async function documentFixtures(): Promise<DocumentFixture[]> {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const xlsx = zipSync({
    '[Content_Types].xml': strToU8('<Types><Override PartName="/xl/sharedStrings.xml"/></Types>'),
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="Keys" sheetId="1" r:id="rId1" xmlns:r="r"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst><si><t>aws_access_key_id</t></si><si><t>${fakeAwsKeyId(1)}</t></si></sst>`,
    ),
  });
  const docx = zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<w:document ${W}><w:body><w:p><w:r><w:t>Intro</w:t></w:r></w:p><w:p><w:r><w:t>aws_access_key_id=${fakeAwsKeyId(2)}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
  const pptx = zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'ppt/slides/slide3.xml': strToU8(
      `<p:sld xmlns:p="p" xmlns:a="a"><p:sp><p:nvSpPr><p:cNvPr id="2" name="Body 2"/></p:nvSpPr><p:txBody><a:p><a:r><a:t>aws_access_key_id=${fakeAwsKeyId(3)}</a:t></a:r></a:p></p:txBody></p:sp></p:sld>`,
    ),
  });
  const parquet = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1, 2, 3], type: 'INT32' },
        { name: 'aws_access_key_id', data: ['none', 'none', fakeAwsKeyId(4)], type: 'STRING' },
      ],
    }),
  );
  const eml = [
    'From: ops@northwind-traders.com',
    'To: dev@northwind-traders.com',
    'Subject: rotated keys',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `new aws_access_key_id=${fakeAwsKeyId(5)}`,
    '',
  ].join('\r\n');
  return [
    { name: 'keys.xlsx', body: xlsx, expected: { sheet: 'Keys', cell: 'A2' } },
    { name: 'memo.docx', body: docx, expected: { part: 'document', paragraph: 2 } },
    { name: 'deck.pptx', body: pptx, expected: { slide: 3, part: 'Body 2' } },
    { name: 'report.pdf', body: await pdf(`aws_access_key_id = ${fakeAwsKeyId(6)}`), expected: { page: 2 } },
    { name: 'events.parquet', body: parquet, expected: { row_group: 0, record_index: 2 } },
    { name: 'rotation.eml', body: strToU8(eml), expected: { part: '1' } },
  ];
}
