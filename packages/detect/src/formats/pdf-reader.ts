import { createRequire } from 'node:module';
import path from 'node:path';
import type { FieldInfo } from '../engine/locator.ts';
import { ScanStop } from '../limits.ts';
import { collect } from './collect.ts';
import { pageText } from './pdf-page-text.ts';
import { SegmentWriter } from './segments.ts';
import type { WalkContext } from './walk-context.ts';

/**
 * Largest PDF read into memory (pdf.js needs the whole file for its cross-reference table),
 * lower when less of the object's held-bytes bound is left; a larger one is SKIPPED
 * OBJECT_TOO_LARGE without being held.
 */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

interface Annotation {
  subtype?: string;
  fieldName?: string;
  fieldValue?: unknown;
  url?: string;
  unsafeUrl?: string;
  contentsObj?: { str?: string };
}

/**
 * What a page's annotations hold beyond its text layer: form field values (an AcroForm's filled
 * fields are drawn from their own appearance streams, never the page's text), comments (sticky
 * notes, free text) and link targets. Each comes with its place: `form` and the field name,
 * `annotation`, or `link`.
 */
export function annotationTexts(annotations: readonly unknown[]): { text: string; field: FieldInfo }[] {
  const out: { text: string; field: FieldInfo }[] = [];
  for (const raw of annotations) {
    const a = raw as Annotation;
    if (a.subtype === 'Widget') {
      const values = Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue];
      const text = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').join('\n');
      if (text === '') continue;
      const field: FieldInfo = { part: 'form' };
      if (a.fieldName) field.fieldName = a.fieldName.slice(0, 128);
      out.push({ text, field });
    } else if (a.subtype === 'Link') {
      const url = a.url ?? a.unsafeUrl;
      if (url) out.push({ text: url, field: { part: 'link' } });
    } else if (a.contentsObj?.str?.trim()) {
      out.push({ text: a.contentsObj.str, field: { part: 'annotation' } });
    }
  }
  return out;
}

/** Document information entries a person writes (the producing program's are left out). */
const INFO_FIELDS = ['Title', 'Author', 'Subject', 'Keywords'];

/**
 * The document information dictionary's text: title, author, subject, keywords and custom
 * entries (under their names), each as the `properties` part. `Creator` and `Producer` name
 * the programs, whose versions would read as IP addresses.
 */
export function infoTexts(info: unknown): { text: string; field: FieldInfo }[] {
  const out: { text: string; field: FieldInfo }[] = [];
  if (typeof info !== 'object' || info === null) return out;
  const dict = info as Record<string, unknown>;
  for (const key of INFO_FIELDS) {
    const v = dict[key];
    if (typeof v === 'string' && v.trim() !== '') out.push({ text: v, field: { part: 'properties' } });
  }
  const custom = dict.Custom;
  if (typeof custom === 'object' && custom !== null) {
    for (const [name, v] of Object.entries(custom as Record<string, unknown>)) {
      if (typeof v === 'string' && v.trim() !== '') {
        out.push({ text: v, field: { part: 'properties', fieldName: name.slice(0, 128) } });
      }
    }
  }
  return out;
}

/** Scans a file attached to a PDF (`member` is its name) one level deeper. */
export type ScanAttachment = (stream: AsyncIterable<Uint8Array>, member: string) => Promise<void>;

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

let standardFonts: string | undefined;
function standardFontDataUrl(): string {
  standardFonts ??= `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  return standardFonts;
}

/**
 * Scans the text layer of a PDF, page by page (locations carry the 1-based page), and after each
 * page its form field values, comments and link targets (`annotationTexts`); then its document
 * information (`infoTexts`) and, through `scanAttachment`, the files attached to it (an e-invoice's
 * XML, a spreadsheet). An encrypted PDF ends SKIPPED `ENCRYPTED`; one whose pages hold no text
 * (scanned images) and no attachment `NO_TEXT_LAYER`.
 */
export async function readPdf(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  archivePath: string | undefined,
  scanAttachment: ScanAttachment,
): Promise<void> {
  // Joining the pieces holds the file twice for a moment.
  const max = Math.min(MAX_PDF_BYTES, Math.floor((ctx.held.limit - ctx.held.current) / 2));
  const data = await collect(stream, max, 'a PDF', ctx.held);
  // pdf.js takes the buffer over (its length reads 0 after), so the size is kept here.
  const size = data.length;
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: standardFontDataUrl(),
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    ctx.held.release(size);
    if ((err as Error)?.name === 'PasswordException') {
      throw new ScanStop('ENCRYPTED', 'the PDF is encrypted and needs a password', false);
    }
    throw new ScanStop('CORRUPT_PDF', 'the PDF could not be parsed', false);
  }
  const writer = new SegmentWriter(ctx, archivePath);
  let chars = 0;
  let attached = 0;
  let written = false;
  try {
    for (let page = 1; page <= doc.numPages; page++) {
      let text: string;
      let annotations: { text: string; field: FieldInfo }[];
      try {
        const p = await doc.getPage(page);
        text = pageText((await p.getTextContent()).items);
        annotations = annotationTexts(await p.getAnnotations());
        p.cleanup();
      } catch {
        ctx.soft('CORRUPT_PDF', `page ${page} of the PDF could not be read`);
        continue;
      }
      if (text.trim() !== '') {
        chars += text.length;
        writer.write(text, { page });
      }
      for (const a of annotations) {
        chars += a.text.length;
        writer.write(a.text, { page, ...a.field });
      }
    }
    const attachments = Object.entries(
      ((await doc.getAttachments().catch(() => null)) ?? {}) as Record<
        string,
        { filename?: string; content?: Uint8Array }
      >,
    ).filter(([, file]) => file?.content instanceof Uint8Array);
    // A scan-only PDF stays SKIPPED NO_TEXT_LAYER, its title alone not read as content.
    if (chars > 0 || attachments.length > 0) {
      const metadata = await doc.getMetadata().catch(() => undefined);
      for (const p of infoTexts(metadata?.info)) writer.write(p.text, p.field);
    }
    written = true;
    writer.end();
    // pdf.js has decoded them all by now; they count against the object's bound while read.
    const attachedBytes = attachments.reduce((n, [, file]) => n + file.content!.length, 0);
    ctx.held.hold(attachedBytes, 'the files attached to the PDF');
    try {
      for (const [key, file] of attachments) {
        attached++;
        await scanAttachment(once(file.content!), file.filename || key);
      }
    } finally {
      ctx.held.release(attachedBytes);
    }
  } finally {
    if (!written) writer.end();
    await doc.destroy().catch(() => {});
    ctx.held.release(size);
  }
  if (chars === 0 && attached === 0 && doc.numPages > 0) {
    throw new ScanStop(
      'NO_TEXT_LAYER',
      `none of the ${doc.numPages} pages has a text layer (OCR is not in scope)`,
      false,
    );
  }
}
