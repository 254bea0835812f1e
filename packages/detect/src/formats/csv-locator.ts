import type { FieldInfo, Locator } from '../engine/locator.ts';

const MAX_COLUMNS = 1024;
const MAX_NAME = 128;
/** The first header cell may be a whole `;`-separated header row. */
const MAX_FIRST = MAX_NAME * 16;

/**
 * The column names of a `,` CSV header that is one cell holding semicolons, or undefined when
 * the header is no such row.
 */
export function semicolonHeader(delimiter: string, header: readonly string[]): string[] | undefined {
  const only = header[0];
  if (delimiter !== ',' || header.length !== 1 || only === undefined || !only.includes(';')) return undefined;
  return only
    .split(';')
    .slice(0, MAX_COLUMNS)
    .map((n) => n.trim().slice(0, MAX_NAME));
}

/**
 * Follows CSV/TSV structure (RFC 4180 quoting, CRLF or LF rows): reports the 1-based data row,
 * the 0-based column index and the header's column name at any position.
 */
export class CsvLocator implements Locator {
  private delimiter: string;
  private inQuotes = false;
  /** 0 while in the header row. */
  private row = 0;
  private column = 0;
  private readonly header: string[] = [];
  private headerCell = '';
  private readonly quotes = new NextIndex('"');
  private readonly breaks = new NextIndex('\n');
  private delims: NextIndex;

  constructor(delimiter: ',' | '\t' = ',') {
    this.delimiter = delimiter;
    this.delims = new NextIndex(delimiter);
  }

  advance(text: string, from: number, to: number, textStart: number): void {
    const delimCode = this.delimiter.charCodeAt(0);
    let i = from;
    for (; i < to && this.row === 0; i++) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c === 34) this.inQuotes = false;
        else this.headerChar(c);
        continue;
      }
      if (c === 34) this.inQuotes = true;
      else if (c === delimCode) this.nextCell();
      else if (c === 10) {
        this.nextCell();
        this.sniffSemicolons();
        this.row++;
        this.column = 0;
      } else if (c !== 13) this.headerChar(c);
    }
    // Data rows: only quotes, line breaks and delimiters matter, so the text between quotes is
    // searched natively (line breaks counted, delimiters only after the last one), not walked.
    let inQuotes = this.inQuotes;
    let row = this.row;
    let column = this.column;
    const quotes = this.quotes;
    const breaks = this.breaks;
    const delims = this.delims;
    while (i < to) {
      let quote = quotes.next(text, textStart, i);
      if (quote === -1 || quote >= to) quote = to;
      if (inQuotes) {
        if (quote < to) inQuotes = false;
        i = quote + 1;
        continue;
      }
      let lastBreak = -1;
      for (
        let nl = breaks.next(text, textStart, i);
        nl !== -1 && nl < quote;
        nl = breaks.next(text, textStart, nl + 1)
      ) {
        row++;
        lastBreak = nl;
      }
      if (lastBreak !== -1) column = 0;
      const cellsFrom = lastBreak === -1 ? i : lastBreak + 1;
      for (
        let d = delims.next(text, textStart, cellsFrom);
        d !== -1 && d < quote;
        d = delims.next(text, textStart, d + 1)
      )
        column++;
      if (quote < to) inQuotes = true;
      i = quote + 1;
    }
    this.inQuotes = inQuotes;
    this.row = row;
    this.column = column;
  }

  private headerChar(c: number): void {
    if (this.headerCell.length < (this.header.length === 0 ? MAX_FIRST : MAX_NAME))
      this.headerCell += String.fromCharCode(c);
  }

  /**
   * A `.csv` header of one cell that holds semicolons (Excel's export where the decimal mark is a
   * comma): the file is split on `;`.
   */
  private sniffSemicolons(): void {
    const names = semicolonHeader(this.delimiter, this.header);
    if (!names) return;
    this.delimiter = ';';
    this.delims = new NextIndex(';');
    this.header.splice(0, this.header.length, ...names);
  }

  private nextCell(): void {
    if (this.row === 0 && this.header.length < MAX_COLUMNS) this.header.push(this.headerCell.trim());
    this.headerCell = '';
    this.column++;
  }

  snapshot(): FieldInfo {
    if (this.row === 0) return { column_index: this.column };
    const name = this.header[this.column];
    return name
      ? { row: this.row, column_index: this.column, column_name: name, fieldName: name }
      : { row: this.row, column_index: this.column };
  }
}

/**
 * `text.indexOf(char, from)` for rising `from`, remembering the last answer: the locator is
 * advanced once per candidate, and without the memory each call could search to the end of
 * a chunk that lacks the character again.
 */
class NextIndex {
  private textStart = -1;
  private from = 0;
  private at = -1;

  constructor(private readonly char: string) {}

  /** The first `char` at or after `from` in `text` (which starts at absolute `textStart`), or -1. */
  next(text: string, textStart: number, from: number): number {
    if (textStart !== this.textStart || from < this.from || (this.at !== -1 && from > this.at)) {
      this.textStart = textStart;
      this.at = text.indexOf(this.char, from);
    }
    this.from = from;
    return this.at;
  }
}
