import type { KeyedValue, KeyedValueFinder } from '../engine/locator.ts';
import { semicolonHeader } from './csv-locator.ts';

const MAX_COLUMNS = 1024;
const MAX_NAME = 128;
/** Longer cells are no secret a keyed detector reports, and are passed over. */
const MAX_VALUE = 1024;

const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted cell: its end, or the first half of `""`. */
const QUOTE_SEEN = 3;
/** After a quoted cell's closing quote or a `\r`, until the delimiter or line break. */
const AFTER = 4;

/**
 * The cells of a CSV/TSV file's columns whose header names a secret (`password`, `api_token`),
 * RFC 4180 quoting (`""` inside quotes), CRLF or LF rows. The header row is read first; when no
 * column's name is wanted the rest of the file costs nothing.
 */
export class CsvKeyedCells implements KeyedValueFinder {
  private delimiter: number;
  private inHeader = true;
  private headerQuoted = false;
  private headerCell = '';
  private readonly header: string[] = [];
  /** Per column: its name when its values are wanted. Undefined: no column is (nothing to do). */
  private names: (string | undefined)[] | undefined;
  private state = START;
  private column = 0;
  /** Absolute offset of the current cell's first character (after an opening quote). */
  private cellStart = 0;
  private doubled = false;

  constructor(delimiter: ',' | '\t' = ',') {
    this.delimiter = delimiter.charCodeAt(0);
  }

  find(
    text: string,
    from: number,
    to: number,
    textStart: number,
    final: boolean,
    wanted: (name: string) => boolean,
    out: KeyedValue[],
  ): void {
    let i = from;
    if (this.inHeader) {
      i = this.readHeader(text, i, to);
      if (this.inHeader && !final) return;
      this.inHeader = false;
      this.sniffSemicolons();
      this.names = this.header.map((n) => (n !== '' && wanted(n) ? n : undefined));
      if (!this.names.some((n) => n !== undefined)) this.names = undefined;
    }
    const names = this.names;
    if (!names) return;
    const delim = this.delimiter;
    let state = this.state;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      switch (state) {
        case START:
          if (c === 34) {
            state = QUOTED;
            this.cellStart = textStart + i + 1;
            this.doubled = false;
          } else if (c === delim) this.column++;
          else if (c === 10) this.column = 0;
          else if (c === 13) state = AFTER;
          else {
            state = UNQUOTED;
            this.cellStart = textStart + i;
            this.doubled = false;
          }
          break;
        case UNQUOTED:
          if (c === delim || c === 10 || c === 13) {
            this.emit(text, i, textStart, names, out);
            state = this.next(c);
          }
          break;
        case QUOTED:
          if (c === 34) state = QUOTE_SEEN;
          break;
        case QUOTE_SEEN:
          if (c === 34) {
            this.doubled = true;
            state = QUOTED;
          } else {
            this.emit(text, i - 1, textStart, names, out);
            state = c === delim || c === 10 ? this.next(c) : AFTER;
          }
          break;
        default:
          if (c === delim || c === 10) state = this.next(c);
      }
    }
    if (final && (state === UNQUOTED || state === QUOTE_SEEN))
      this.emit(text, state === UNQUOTED ? to : to - 1, textStart, names, out);
    this.state = state;
  }

  /** The state after a cell ends on `c`: the next cell, the next row, or the rest of a `\r\n`. */
  private next(c: number): number {
    if (c === this.delimiter) this.column++;
    else if (c === 10) this.column = 0;
    else return AFTER;
    return START;
  }

  private emit(
    text: string,
    end: number,
    textStart: number,
    names: readonly (string | undefined)[],
    out: KeyedValue[],
  ): void {
    const name = names[this.column];
    if (name === undefined) return;
    const start = this.cellStart - textStart;
    if (start < 0 || end <= start || end - start > MAX_VALUE) return;
    const raw = text.slice(start, end);
    out.push({ start, end, value: this.doubled ? raw.replaceAll('""', '"') : raw, name });
  }

  /** Reads the header row up to `to`; returns where the data starts (or `to`). */
  private readHeader(text: string, from: number, to: number): number {
    const delim = this.delimiter;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (this.headerQuoted) {
        if (c === 34) this.headerQuoted = false;
        else this.headerChar(c);
      } else if (c === 34) this.headerQuoted = true;
      else if (c === delim) this.headerCellEnd();
      else if (c === 10) {
        this.headerCellEnd();
        this.inHeader = false;
        return i + 1;
      } else if (c !== 13) this.headerChar(c);
    }
    return to;
  }

  /**
   * A `.csv` header of one cell that holds semicolons (Excel's export where the decimal mark is a
   * comma): the file is split on `;`.
   */
  private sniffSemicolons(): void {
    const names = semicolonHeader(String.fromCharCode(this.delimiter), this.header);
    if (!names) return;
    this.delimiter = 59;
    this.header.splice(0, this.header.length, ...names);
  }

  private headerChar(c: number): void {
    if (this.headerCell.length < (this.header.length === 0 ? MAX_NAME * 16 : MAX_NAME))
      this.headerCell += String.fromCharCode(c);
  }

  private headerCellEnd(): void {
    if (this.header.length < MAX_COLUMNS) this.header.push(this.headerCell.trim());
    this.headerCell = '';
  }
}
