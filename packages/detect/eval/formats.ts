import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import avro from 'avsc';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Label } from './corpus.ts';

/** Rows of an RFC 4180 CSV text (quoted cells may hold commas, quotes and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

async function avroOf(header: string[], rows: string[][]): Promise<Buffer> {
  const type = avro.Type.forSchema({
    type: 'record',
    name: 'Row',
    fields: header.map((name) => ({ name, type: 'string' })),
  });
  const encoder = new avro.streams.BlockEncoder(type, { codec: 'deflate', blockSize: 4096 } as never);
  const chunks: Buffer[] = [];
  encoder.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    encoder.on('end', () => resolve(Buffer.concat(chunks)));
    encoder.on('error', reject);
  });
  for (const r of rows) encoder.write(Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  encoder.end();
  return done;
}

function message(subject: string, body: string, attachmentName: string, attachment: string): string {
  const base64 = Buffer.from(attachment).toString('base64').replace(/.{76}/g, '$&\n');
  return [
    'From: Eval Sender <sender@example.com>',
    'To: Eval Team <team@example.com>',
    `Subject: ${subject}`,
    'Date: Mon, 7 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="eval-boundary"',
    '',
    '--eval-boundary',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\n'),
    '--eval-boundary',
    `Content-Type: text/csv; name="${attachmentName}"`,
    `Content-Disposition: attachment; filename="${attachmentName}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    '--eval-boundary--',
    '',
  ].join('\n');
}

/**
 * Writes the data and mail formats beside the text corpus, holding the same planted values:
 * `records.csv` as Parquet (`records.parquet`) and Avro (`records.avro`), and `notes.txt` as
 * the body of a message whose attachment is `people.csv` (`message.eml`, and an mbox of it).
 * Returns the new objects and their labels.
 */
export async function writeFormatVariants(
  dir: string,
  files: ReadonlyMap<string, string>,
  labels: readonly Label[],
): Promise<{ objects: string[]; labels: Label[] }> {
  const out: Label[] = [];
  const copy = (from: string[], to: string) => {
    for (const l of labels) if (from.includes(l.file)) out.push({ ...l, file: to });
  };
  const [header, ...rows] = csvRows(files.get('records.csv') ?? '');
  if (!header) throw new Error('the corpus has no records.csv');
  const columnData = header.map((name, i) => ({
    name,
    data: rows.map((r) => r[i] ?? ''),
    type: 'STRING' as const,
  }));
  await writeFile(
    join(dir, 'records.parquet'),
    new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 100 })),
  );
  copy(['records.csv'], 'records.parquet');
  await writeFile(join(dir, 'records.avro'), await avroOf(header, rows));
  copy(['records.csv'], 'records.avro');
  const eml = message('Notes', files.get('notes.txt') ?? '', 'people.csv', files.get('people.csv') ?? '');
  await writeFile(join(dir, 'message.eml'), eml);
  copy(['notes.txt', 'people.csv'], 'message.eml');
  await writeFile(join(dir, 'mailbox.mbox'), `From sender@example.com Mon Dec  7 10:00:00 2026\n${eml}\n`);
  copy(['notes.txt', 'people.csv'], 'mailbox.mbox');
  return { objects: ['message.eml', 'mailbox.mbox', 'records.avro', 'records.parquet'], labels: out };
}
