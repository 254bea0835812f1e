import type { FieldInfo, Locator } from '../engine/locator.ts';

const MAX_COLUMNS = 1024;
const MAX_NAME = 128;

/**
 * Follows CSV/TSV structure (RFC 4180 quoting, CRLF or LF rows): reports the 1-based data row,
 * the 0-based column index and the header's column name at any position.
 */
export class CsvLocator implements Locator {
  private readonly delimiter: number;
  private inQuotes = false;
  /** 0 while in the header row. */
  private row = 0;
  private column = 0;
  private readonly header: string[] = [];
  private headerCell = '';

  constructor(delimiter: ',' | '\t' = ',') {
    this.delimiter = delimiter.charCodeAt(0);
  }

  advance(text: string, from: number, to: number): void {
    const delim = this.delimiter;
    let i = from;
    for (; i < to && this.row === 0; i++) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c === 34) this.inQuotes = false;
        else this.headerChar(c);
        continue;
      }
      if (c === 34) this.inQuotes = true;
      else if (c === delim) this.nextCell();
      else if (c === 10) {
        this.nextCell();
        this.row++;
        this.column = 0;
      } else if (c !== 13) this.headerChar(c);
    }
    // Data rows: the state lives in locals for the hot loop (most of a file).
    let inQuotes = this.inQuotes;
    let row = this.row;
    let column = this.column;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (inQuotes) continue;
      else if (c === delim) column++;
      else if (c === 10) {
        row++;
        column = 0;
      }
    }
    this.inQuotes = inQuotes;
    this.row = row;
    this.column = column;
  }

  private headerChar(c: number): void {
    if (this.headerCell.length < MAX_NAME) this.headerCell += String.fromCharCode(c);
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
