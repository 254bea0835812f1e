/// <reference types="pdfkit" />
/** Drawing helpers of the PDF report: fitted text, paged tables, footers. pdfkit's built-in fonts only. */

export type Doc = PDFKit.PDFDocument;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier' } as const;

export const COLOR = {
  text: '#111827',
  muted: '#6b7280',
  rule: '#d1d5db',
  band: '#f3f4f6',
  accent: '#1e3a8a',
} as const;

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

/** A section heading with a rule under it, on a new page unless `need` more points fit under it. */
export function heading(doc: Doc, title: string, need = 40): void {
  ensureSpace(doc, need + 36);
  doc.moveDown(0.8);
  const x = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.accent).text(title, x, doc.y);
  const y = doc.y + 2;
  doc
    .moveTo(x, y)
    .lineTo(x + contentWidth(doc), y)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.y = y + 6;
  doc.fillColor(COLOR.text);
}

/** One column of a table. */
export interface Column<T> {
  title: string;
  width: number;
  align?: 'left' | 'right';
  font?: keyof typeof FONT;
  /** Where text too wide for the column is cut. @default 'end' */
  cut?: 'end' | 'middle';
  cell(row: T): string;
  color?(row: T): string | undefined;
}

/** Draws a table with a header row, repeated at the top of each page it runs onto. */
export function table<T>(
  doc: Doc,
  columns: readonly Column<T>[],
  rows: Iterable<T>,
  options: { fontSize?: number; rowHeight?: number } = {},
): void {
  const size = options.fontSize ?? 8;
  const rowHeight = options.rowHeight ?? size + 5;
  const x0 = doc.page.margins.left;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const pad = 3;

  // Every cell shares one baseline, whatever its font's ascender.
  const drawCells = (y: number, texts: string[], fonts: string[], colors: string[]) => {
    let x = x0;
    const baseline = y + rowHeight / 2 + size * 0.35;
    columns.forEach((c, i) => {
      doc.font(fonts[i] ?? FONT.regular).fontSize(size);
      const text = fit(doc, texts[i] ?? '', c.width - 2 * pad, c.cut);
      doc.fillColor(colors[i] ?? COLOR.text).text(text, x + pad, baseline, {
        width: c.width - 2 * pad,
        align: c.align ?? 'left',
        lineBreak: false,
        baseline: 'alphabetic',
      });
      x += c.width;
    });
  };
  const header = () => {
    const y = doc.y;
    doc.rect(x0, y, width, rowHeight + 2).fill(COLOR.band);
    drawCells(
      y + 1,
      columns.map((c) => c.title),
      columns.map(() => FONT.bold),
      columns.map(() => COLOR.text),
    );
    doc.y = y + rowHeight + 2;
  };

  ensureSpace(doc, 3 * rowHeight);
  header();
  let index = 0;
  for (const row of rows) {
    if (ensureSpace(doc, rowHeight)) header();
    const y = doc.y;
    if (index++ % 2 === 1) doc.rect(x0, y, width, rowHeight).fill('#fafafa');
    drawCells(
      y,
      columns.map((c) => c.cell(row)),
      columns.map((c) => FONT[c.font ?? 'regular']),
      columns.map((c) => c.color?.(row) ?? COLOR.text),
    );
    doc.y = y + rowHeight;
  }
  doc
    .moveTo(x0, doc.y)
    .lineTo(x0 + width, doc.y)
    .lineWidth(0.4)
    .strokeColor(COLOR.rule)
    .stroke();
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
    doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
    doc.text(printable(left), margins.left, y, { lineBreak: false });
    doc.text(`page ${i + 1} of ${range.count}`, margins.left, y, {
      width: contentWidth(doc),
      align: 'right',
      lineBreak: false,
    });
    margins.bottom = saved;
  }
}
