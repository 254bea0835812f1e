import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FieldInfo } from '../../engine/locator.ts';
import type { ZipDocument } from '../magic.ts';
import { SegmentWriter } from '../segments.ts';
import type { WalkContext } from '../walk-context.ts';
import { readZip } from '../zip-reader.ts';
import { CellCommentsHandler, SheetRelationsHandler } from './cell-comments.ts';
import { PropertiesHandler } from './document-properties.ts';
import { DrawingTextHandler, drawingPart } from './drawing-text.ts';
import { NumberFormatsHandler } from './number-formats.ts';
import { OpenDocumentHandler } from './open-document.ts';
import { SlideHandler, slidePart } from './presentation.ts';
import { SharedStringsHandler, WorkbookHandler, WorksheetHandler } from './spreadsheet.ts';
import { WordPartHandler, wordPart } from './word-processing.ts';
import { parseXml } from './xml-parts.ts';

/** Scans an embedded object (a workbook inside a document) one level deeper. */
export type ScanEmbedded = (stream: AsyncIterable<Uint8Array>, member: string) => Promise<void>;

/** Parts that hold only layout, styles, themes or relationships: passed over. */
const LAYOUT_PART =
  /(?:^|\/)(?:_rels\/.*\.rels|styles\.xml|theme\/.*|fontTable\.xml|settings\.xml|webSettings\.xml|numbering\.xml|slideLayouts\/.*|slideMasters\/.*|notesMasters\/.*|handoutMasters\/.*|presProps\.xml|viewProps\.xml|tableStyles\.xml|calcChain\.xml|printerSettings\/.*|manifest\.xml|mimetype|Thumbnails\/.*|Configurations2\/.*)$/;

const NO_STYLES: ReadonlySet<number> = new Set();

/** The part that holds the content of each kind of document, named for the reason detail. */
const CONTENT: Readonly<Record<ZipDocument | 'ooxml', string>> = {
  docx: 'word/document.xml',
  xlsx: 'worksheet',
  pptx: 'slide',
  odt: 'content.xml',
  ods: 'content.xml',
  odp: 'content.xml',
  ooxml: 'body, worksheet or slide',
};

/** Document properties (author, company, custom fields): scanned as the `properties` part. */
const PROPERTIES_PART = /^(?:docProps\/(?:core|app|custom)\.xml|meta\.xml)$/;

/**
 * Reads an office document (OOXML `.docx`/`.xlsx`/`.pptx`, OpenDocument `.odt`/`.ods`/`.odp`)
 * as it streams: each XML part goes through a streaming parser, never a whole document model.
 * Text is located by part and paragraph, sheet and cell, or slide and shape. The zip reader's
 * guards (ratio, decompressed size, member count) apply to every part. Worksheets that arrive
 * before the shared strings they refer to are spooled to a temporary file and read after. A
 * package with no content part the reader knows (no body, worksheet or slide) ends PARTIAL
 * `CORRUPT_DOCUMENT` rather than COMPLETE with nothing read.
 */
export async function readOffice(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  kind: ZipDocument | 'ooxml',
  archivePath: string | undefined,
  scanEmbedded: ScanEmbedded,
  isAllowed: (member: string) => boolean,
): Promise<void> {
  const writer = new SegmentWriter(ctx, archivePath);
  const emit = (text: string, field: FieldInfo) => writer.write(text, field);
  const workbook = new WorkbookHandler();
  let shared: string[] | undefined;
  let sharedStrings: SharedStringsHandler | undefined;
  let sharedExpected = kind === 'xlsx';
  let styles: NumberFormatsHandler | undefined;
  let stylesExpected = kind === 'xlsx';
  let sheetNamesKnown = false;
  const dates = {
    get styles(): ReadonlySet<number> {
      return styles?.dateStyles ?? NO_STYLES;
    },
    get date1904(): boolean {
      return workbook.date1904;
    },
  };
  const spooled: { member: string; file: string }[] = [];
  /** Parts holding the document's content (body, worksheet, slide, ODF content) read. */
  let contentParts = 0;
  let spoolDir: string | undefined;
  const sheetName = (member: string) => workbook.names.get(member) ?? path.basename(member, '.xml');
  /** `xl/comments1.xml`, `xl/drawings/drawing1.xml` → `xl/worksheets/sheet1.xml`, from the worksheets' relationships. */
  const sheetOf = new Map<string, string>();

  const scanMember = async (member: AsyncIterable<Uint8Array>, name: string): Promise<void> => {
    if (name === '[Content_Types].xml') {
      let types = '';
      for await (const chunk of member) types += Buffer.from(chunk).toString('latin1');
      sharedExpected = types.includes('/xl/sharedStrings.xml');
      stylesExpected = types.includes('/xl/styles.xml');
      return;
    }
    if (name === 'xl/styles.xml') {
      styles = new NumberFormatsHandler();
      await parseXml(member, styles, name);
      return;
    }
    if (name === 'xl/sharedStrings.xml') {
      const handler = new SharedStringsHandler((chars) => ctx.held.hold(2 * chars, 'the shared strings'));
      sharedStrings = handler;
      await parseXml(member, handler, name);
      shared = handler.strings;
      return;
    }
    if (name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels') {
      await parseXml(member, workbook, name);
      if (name === 'xl/_rels/workbook.xml.rels') sheetNamesKnown = true;
      return;
    }
    if (/^xl\/(?:worksheets|chartsheets)\/[^/]+\.xml$/.test(name)) contentParts++;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      // Cells are read once the strings they refer to, the formats of their dates and the
      // sheet's name are known.
      const waiting =
        (shared === undefined && sharedExpected) ||
        (styles === undefined && stylesExpected) ||
        (!sheetNamesKnown && workbook.declaresSheets);
      if (waiting) {
        spoolDir ??= await mkdtemp(path.join(os.tmpdir(), 'data-scanner-office-'));
        const file = path.join(spoolDir, `${spooled.length}.xml`);
        await pipeline(Readable.from(member), createWriteStream(file, { mode: 0o600 }));
        spooled.push({ member: name, file });
        return;
      }
      await parseXml(member, new WorksheetHandler(sheetName(name), shared ?? [], emit, dates), name);
      return;
    }
    const sheetRels = /^xl\/worksheets\/_rels\/([^/]+\.xml)\.rels$/.exec(name);
    if (sheetRels) {
      const rels = new SheetRelationsHandler();
      await parseXml(member, rels, name);
      for (const part of rels.parts) sheetOf.set(part, `xl/worksheets/${sheetRels[1]}`);
      return;
    }
    if (/^xl\/(?:comments[^/]*|threadedComments\/[^/]+)\.xml$/.test(name)) {
      const sheet = sheetOf.get(name);
      const handler = new CellCommentsHandler(sheet ? sheetName(sheet) : path.basename(name, '.xml'), emit);
      await parseXml(member, handler, name);
      return;
    }
    const drawing = drawingPart(name);
    if (drawing) {
      const sheet = sheetOf.get(name);
      const field: FieldInfo = sheet ? { sheet: sheetName(sheet), part: 'drawing' } : { part: drawing };
      await parseXml(member, new DrawingTextHandler(field, emit), name);
      return;
    }
    const word = wordPart(name);
    if (word === 'document') contentParts++;
    if (word) {
      await parseXml(member, new WordPartHandler(word, emit), name);
      return;
    }
    const slide = slidePart(name);
    if (slide?.kind === 'slide') contentParts++;
    if (slide) {
      await parseXml(member, new SlideHandler(slide.slide, slide.kind, emit), name);
      return;
    }
    if (
      (kind === 'odt' || kind === 'ods' || kind === 'odp') &&
      (name === 'content.xml' || name === 'styles.xml')
    ) {
      if (name === 'content.xml') contentParts++;
      await parseXml(
        member,
        new OpenDocumentHandler(name === 'content.xml' ? 'content' : 'styles', emit),
        name,
      );
      return;
    }
    if (PROPERTIES_PART.test(name)) {
      await parseXml(member, new PropertiesHandler(emit), name);
      return;
    }
    if (LAYOUT_PART.test(name) || /\.(?:xml|rels)$/.test(name)) {
      // Read through (and so past the zip guards) without keeping anything.
      for await (const _ of member);
      return;
    }
    // Embedded objects (a workbook in a document, an attached PDF); images come out as binary.
    await scanEmbedded(member, name);
  };

  try {
    await readZip(ctx, stream, scanMember, isAllowed);
    if (contentParts === 0) {
      ctx.soft(
        'CORRUPT_DOCUMENT',
        `the ${kind === 'ooxml' ? 'office document' : kind} has no ${CONTENT[kind]} part read`,
      );
    }
    for (const { member, file } of spooled) {
      await parseXml(
        createReadStream(file),
        new WorksheetHandler(sheetName(member), shared ?? [], emit, dates),
        member,
      );
    }
  } finally {
    ctx.held.release(2 * (sharedStrings?.chars ?? 0));
    writer.end();
    if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
  }
}
