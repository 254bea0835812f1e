/// <reference types="pdfkit" />
/** Drawing helpers of the PDF report: fitted and wrapped text, tagged headings, paragraphs and paged tables, footers. pdfkit's built-in fonts only. */

export type Doc = PDFKit.PDFDocument;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier' } as const;

export const COLOR = {
  text: '#111827',
  muted: '#6b7280',
  rule: '#d1d5db',
  band: '#f3f4f6',
  accent: '#1e3a8a',
} as const;

/** A count as the report prints it: `1,234`. */
export const n = (value: number): string => value.toLocaleString('en-US');

/** An object as the report names it: `s3://bucket/key`, or the key of a local source. */
export const objectName = (bucket: string | null | undefined, key: string): string =>
  bucket ? `s3://${bucket}/${key}` : key;

/** Severity colours, most severe first. */
export const SEVERITY_COLOR: Record<string, string> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#d97706',
  low: '#2563eb',
  info: '#6b7280',
};

/** Space kept free at the bottom of each page for the footer. */
const FOOTER_SPACE = 24;

/**
 * Text the built-in fonts can draw: they encode WinAnsi only, so other characters (and control
 * characters) become `?` instead of garbage glyphs.
 */
export function printable(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff\u2013\u2014\u2022\u2026]/g, '?');
}

/**
 * `text` shortened with an ellipsis to fit `width` in the current font and size: cut at the end, or
 * in the middle so both ends stay visible (masked values keep their first and last characters).
 */
export function fit(doc: Doc, text: string, width: number, cut: 'end' | 'middle' = 'end'): string {
  const s = printable(text);
  if (doc.widthOfString(s) <= width) return s;
  const shortened = (keep: number) =>
    cut === 'end'
      ? `${s.slice(0, keep)}\u2026`
      : `${s.slice(0, Math.ceil(keep / 2))}\u2026${s.slice(s.length - Math.floor(keep / 2))}`;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(shortened(mid)) <= width) lo = mid;
    else hi = mid - 1;
  }
  return shortened(lo);
}

/** Characters after which a long name may break: path and key separators. */
const BREAK_AFTER = /[/\\.\-_:!?&=,;\s]/;

/**
 * `text` split into lines that fit `width` in the current font and size, nothing cut: words break
 * at spaces, long paths after a separator (`/`, `.`, `-`, `_`...), and a run with no separator
 * where it must; a line feed always breaks. Joined back, the lines are the (printable) text.
 */
export function wrapLines(doc: Doc, text: string, width: number): string[] {
  if (text.includes('\n')) return text.split('\n').flatMap((part) => wrapLines(doc, part, width));
  const s = printable(text);
  if (doc.widthOfString(s) <= width) return [s];
  const lines: string[] = [];
  let start = 0;
  while (start < s.length) {
    let lo = start + 1;
    let hi = s.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (doc.widthOfString(s.slice(start, mid)) <= width) lo = mid;
      else hi = mid - 1;
    }
    let end = lo;
    if (end < s.length) {
      for (let i = end; i > start + 1; i--) {
        if (BREAK_AFTER.test(s[i - 1]!)) {
          end = i;
          break;
        }
      }
    }
    lines.push(s.slice(start, end));
    start = end;
  }
  return lines;
}

/** Draws `draw` as decoration (rules, bands, repeated headers): an artifact outside the document's structure. */
export function decoration(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** The lowest y content may reach on the current page. */
export const bottom = (doc: Doc): number => doc.page.height - doc.page.margins.bottom - FOOTER_SPACE;

/** Width between the margins. */
export const contentWidth = (doc: Doc): number =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page unless `height` still fits on this one. */
export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

/** A structure element of the tagged PDF: a section, table or row that content is added to. */
export type Struct = PDFKit.PDFStructureElement;

/**
 * A section heading (`H2`, or `H3` for a sub-heading) with a rule under it, on a new page unless
 * `need` more points fit under it.
 */
export function heading(doc: Doc, parent: Struct, title: string, need = 40, level: 'H2' | 'H3' = 'H2'): void {
  ensureSpace(doc, need + 36);
  doc.moveDown(level === 'H2' ? 0.8 : 0.5);
  const x = doc.page.margins.left;
  const size = level === 'H2' ? 13 : 10.5;
  const color = level === 'H2' ? COLOR.accent : COLOR.text;
  parent.add(
    doc.struct(level, {}, () => {
      doc.font(FONT.bold).fontSize(size).fillColor(color).text(printable(title), x, doc.y);
    }),
  );
  const y = doc.y + 2;
  if (level === 'H2') {
    decoration(doc, () =>
      doc
        .moveTo(x, y)
        .lineTo(x + contentWidth(doc), y)
        .lineWidth(0.6)
        .strokeColor(COLOR.rule)
        .stroke(),
    );
  }
  doc.y = y + (level === 'H2' ? 6 : 2);
  doc.fillColor(COLOR.text);
}

/** A paragraph of wrapped text in the current font, tagged `P`. */
export function paragraph(
  doc: Doc,
  parent: Struct,
  text: string,
  style: { font?: keyof typeof FONT; size?: number; color?: string } = {},
): void {
  const x = doc.page.margins.left;
  parent.add(
    doc.struct('P', {}, () => {
      doc
        .font(FONT[style.font ?? 'regular'])
        .fontSize(style.size ?? 8.5)
        .fillColor(style.color ?? COLOR.text)
        .text(printable(text), x, doc.y, { width: contentWidth(doc) });
    }),
  );
}

/** Label and value pairs, one tagged paragraph each; long values wrap under their label's column. */
export function facts(doc: Doc, parent: Struct, rows: [string, string][], labelWidth = 110): void {
  const x = doc.page.margins.left;
  const valueWidth = contentWidth(doc) - labelWidth;
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(9);
    const lines = wrapLines(doc, value, valueWidth);
    ensureSpace(doc, lines.length * 11 + 2);
    const y = doc.y;
    parent.add(
      doc.struct('P', {}, () => {
        doc.font(FONT.bold).fontSize(9).fillColor(COLOR.muted).text(`${label} `, x, y, { lineBreak: false });
        doc.font(FONT.regular).fillColor(COLOR.text);
        lines.forEach((line, i) => {
          doc.text(line, x + labelWidth, y + i * 11, { lineBreak: false });
        });
      }),
    );
    doc.y = y + lines.length * 11 + 2;
  }
  doc.x = x;
}

/** One column of a table. */
export interface Column<T> {
  title: string;
  width: number;
  align?: 'left' | 'right';
  font?: keyof typeof FONT;
  /** Where text too wide for the column is cut. @default 'end' */
  cut?: 'end' | 'middle';
  /** Wrap text too wide for the column onto more lines (the row grows) instead of cutting it. */
  wrap?: boolean;
  cell(row: T): string;
  color?(row: T): string | undefined;
}

/**
 * Draws a table, tagged `Table` / `TR` / `TH` / `TD` under `parent`, with a header row repeated
 * (as decoration) at the top of each page it runs onto. A `wrap` column grows its row to show all
 * of its text; other cells are fitted to one line.
 */
export function table<T>(
  doc: Doc,
  parent: Struct,
  columns: readonly Column<T>[],
  rows: Iterable<T>,
  options: { fontSize?: number; rowHeight?: number } = {},
): void {
  const size = options.fontSize ?? 8;
  const lineHeight = options.rowHeight ?? size + 5;
  const x0 = doc.page.margins.left;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const pad = 3;
  const structure = doc.struct('Table');
  parent.add(structure);

  const cellLines = (c: Column<T>, text: string, font: string): string[] => {
    doc.font(font).fontSize(size);
    return c.wrap ? wrapLines(doc, text, c.width - 2 * pad) : [fit(doc, text, c.width - 2 * pad, c.cut)];
  };
  // Every cell shares one baseline per line, whatever its font's ascender.
  const drawCell = (c: Column<T>, x: number, y: number, lines: string[], font: string, color: string) => {
    doc.font(font).fontSize(size).fillColor(color);
    lines.forEach((line, i) => {
      doc.text(line, x + pad, y + i * (size + 2) + lineHeight / 2 + size * 0.35, {
        width: c.width - 2 * pad,
        align: c.align ?? 'left',
        lineBreak: false,
        baseline: 'alphabetic',
      });
    });
  };
  const drawRow = (
    y: number,
    texts: string[],
    fonts: string[],
    colors: string[],
    tag: 'TH' | 'TD' | null,
  ) => {
    const lines = columns.map((c, i) => cellLines(c, texts[i] ?? '', fonts[i] ?? FONT.regular));
    const row = tag ? doc.struct('TR') : null;
    if (row) structure.add(row);
    let x = x0;
    columns.forEach((c, i) => {
      const draw = () => drawCell(c, x, y, lines[i]!, fonts[i] ?? FONT.regular, colors[i] ?? COLOR.text);
      if (row && tag) row.add(doc.struct(tag, {}, draw));
      else decoration(doc, draw, 'Pagination');
      x += c.width;
    });
    row?.end();
  };
  const heightOf = (texts: string[], fonts: string[]) =>
    lineHeight +
    (Math.max(...columns.map((c, i) => cellLines(c, texts[i] ?? '', fonts[i] ?? FONT.regular).length)) - 1) *
      (size + 2);
  const header = (tagged: boolean) => {
    const y = doc.y;
    decoration(doc, () => doc.rect(x0, y, width, lineHeight + 2).fill(COLOR.band));
    drawRow(
      y + 1,
      columns.map((c) => c.title),
      columns.map(() => FONT.bold),
      columns.map(() => COLOR.text),
      tagged ? 'TH' : null,
    );
    doc.y = y + lineHeight + 2;
  };

  ensureSpace(doc, 3 * lineHeight);
  header(true);
  let index = 0;
  for (const row of rows) {
    const texts = columns.map((c) => c.cell(row));
    const fonts = columns.map((c) => FONT[c.font ?? 'regular']);
    const height = heightOf(texts, fonts);
    if (ensureSpace(doc, height)) header(false);
    const y = doc.y;
    if (index++ % 2 === 1) decoration(doc, () => doc.rect(x0, y, width, height).fill('#fafafa'));
    drawRow(
      y,
      texts,
      fonts,
      columns.map((c) => c.color?.(row) ?? COLOR.text),
      'TD',
    );
    doc.y = y + height;
  }
  structure.end();
  decoration(doc, () =>
    doc
      .moveTo(x0, doc.y)
      .lineTo(x0 + width, doc.y)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke(),
  );
  doc.x = x0;
  doc.fillColor(COLOR.text);
}

/** Writes `left` and "page i of n" at the bottom of every buffered page. */
export function footers(doc: Doc, left: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const y = doc.page.height - margins.bottom - 10;
    // Writing below the bottom margin would otherwise start a new page.
    const saved = margins.bottom;
    margins.bottom = 0;
    decoration(
      doc,
      () => {
        doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
        doc.text(printable(left), margins.left, y, { lineBreak: false });
        doc.text(`page ${i + 1} of ${range.count}`, margins.left, y, {
          width: contentWidth(doc),
          align: 'right',
          lineBreak: false,
        });
      },
      'Pagination',
    );
    margins.bottom = saved;
  }
}
