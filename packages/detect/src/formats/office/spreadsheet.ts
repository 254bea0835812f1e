import type { FieldInfo } from '../../engine/locator.ts';
import { serialDate } from './number-formats.ts';
import type { XmlHandler } from './xml-parts.ts';

/** Spreadsheet column letters of a 1-based column number (`28` → `AB`). */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Column number of an A1 reference's letters (`AB7` → 28). */
export function columnNumber(ref: string): number {
  let n = 0;
  for (const c of ref) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

/**
 * A number as a spreadsheet stores it, written out in digits where it is an integer
 * (`4.111111111111E+15` → `4111111111111000`), so detectors that need digits see them.
 */
export function numberText(v: string): string {
  const m = /^(-?)([0-9])(?:\.([0-9]+))?[eE]\+?([0-9]+)$/.exec(v);
  if (!m) return v;
  const [, sign, lead, frac = '', exp] = m;
  const e = Number(exp);
  if (e < frac.length || e > 30) return v;
  return `${sign}${lead}${frac}${'0'.repeat(e - frac.length)}`;
}

/**
 * True when a cell's text names a field rather than holding a value: it has letters and no
 * address or token shape (an `@`, a URL, a long run mixing letters and digits like an access
 * key id). A first-row label names its column; a label left of a cell with no column name
 * names that cell (a sheet of `password | value` rows).
 */
export function isLabel(text: string): boolean {
  return (
    text.length <= 128 &&
    /\p{L}/u.test(text) &&
    !/@|:\/\/|\n/.test(text) &&
    !/(?=[A-Za-z0-9+/=]*[0-9])(?=[A-Za-z0-9+/=]*[A-Za-z])[A-Za-z0-9+/=]{12,}/.test(text)
  );
}

/**
 * Names a cell by its column's first-row label (also its `column_name`) or, in a column with
 * none, by the label in the cell to its left (context for the detectors, and the field name a
 * keyed detector reads the value under).
 */
export class CellNames {
  private readonly headers = new Map<number, string>();
  private lastRow = 0;
  private lastColumn = 0;
  private lastText = '';

  /** The field of the cell at `row`, `column` holding `text`; cells come in reading order. */
  field(sheet: string, cell: string, row: number, column: number, text: string): FieldInfo {
    if (row === 1 && text !== '' && isLabel(text)) this.headers.set(column, text.slice(0, 128));
    const field: FieldInfo = { sheet, cell };
    const header = row > 1 ? this.headers.get(column) : undefined;
    if (header !== undefined) {
      field.column_name = header;
      field.fieldName = header;
    } else if (row === this.lastRow && column === this.lastColumn + 1 && isLabel(this.lastText)) {
      field.fieldName = this.lastText.trim();
    }
    this.lastRow = row;
    this.lastColumn = column;
    this.lastText = text;
    return field;
  }

  /** Forgets the labels of the sheet read before. */
  clear(): void {
    this.headers.clear();
    this.lastRow = 0;
    this.lastColumn = 0;
    this.lastText = '';
  }
}

/**
 * Shared strings of a workbook (`xl/sharedStrings.xml`), in order. `onString` hears the length
 * of each string kept (the reader holds the table against its memory bound).
 */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  /** Characters held in `strings`. */
  chars = 0;
  private current = '';
  private inText = 0;
  private inPhonetic = 0;

  constructor(private readonly onString: (chars: number) => void = () => {}) {}

  open(name: string): void {
    if (name === 't') this.inText++;
    else if (name === 'rPh') this.inPhonetic++;
    else if (name === 'si') this.current = '';
  }

  text(t: string): void {
    if (this.inText > 0 && this.inPhonetic === 0) this.current += t;
  }

  close(name: string): void {
    if (name === 't') this.inText--;
    else if (name === 'rPh') this.inPhonetic--;
    else if (name === 'si') {
      this.onString(this.current.length);
      this.chars += this.current.length;
      this.strings.push(this.current);
    }
  }
}

/**
 * A SpreadsheetML worksheet: one segment per cell with its sheet, A1 reference and name
 * (`CellNames`). Shared strings are resolved, numbers written out in digits, day counts in a
 * date format written as ISO dates, and formulas scanned as well.
 */
export class WorksheetHandler implements XmlHandler {
  private readonly names = new CellNames();
  private ref = '';
  private type = '';
  private style = 0;
  private value = '';
  private formula = '';
  private inline = '';
  private inV = false;
  private inF = false;
  private inIs = 0;
  private autoRow = 0;
  private autoCol = 0;

  constructor(
    private readonly sheet: string,
    private readonly shared: readonly string[],
    private readonly emit: (text: string, field: FieldInfo) => void,
    private readonly dates: { readonly styles: ReadonlySet<number>; readonly date1904: boolean } = {
      styles: new Set(),
      date1904: false,
    },
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'row':
        this.autoRow = attributes.r ? Number(attributes.r) : this.autoRow + 1;
        this.autoCol = 0;
        break;
      case 'c':
        this.autoCol++;
        this.ref = attributes.r ?? `${columnLetters(this.autoCol)}${this.autoRow}`;
        this.type = attributes.t ?? 'n';
        this.style = Number(attributes.s ?? 0);
        this.value = '';
        this.formula = '';
        this.inline = '';
        break;
      case 'v':
        this.inV = true;
        break;
      case 'f':
        this.inF = true;
        break;
      case 'is':
        this.inIs++;
        break;
    }
  }

  text(t: string): void {
    if (this.inV) this.value += t;
    else if (this.inF) this.formula += t;
    else if (this.inIs > 0) this.inline += t;
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.inV = false;
        break;
      case 'f':
        this.inF = false;
        break;
      case 'is':
        this.inIs--;
        break;
      case 'c':
        this.cell();
        break;
    }
  }

  private cell(): void {
    let text: string;
    if (this.type === 's') text = this.shared[Number(this.value)] ?? '';
    else if (this.type === 'inlineStr') text = this.inline;
    else if (this.type === 'n')
      text =
        (this.dates.styles.has(this.style) ? serialDate(this.value, this.dates.date1904) : undefined) ??
        numberText(this.value);
    else text = this.value;
    const column = columnNumber(this.ref);
    const row = Number(/[0-9]+$/.exec(this.ref)?.[0] ?? 0);
    const field = this.names.field(this.sheet, this.ref, row, column, text);
    this.emit(this.formula === '' ? text : `${text}\n=${this.formula}`, field);
  }
}

/** Sheet names by relationship id, and relationship targets, from the workbook's parts. */
export class WorkbookHandler implements XmlHandler {
  /** `xl/worksheets/sheet1.xml` → `Customers`. */
  readonly names = new Map<string, string>();
  private readonly byId = new Map<string, string>();
  private readonly targets = new Map<string, string>();
  /** True once `xl/workbook.xml` has named a sheet (its relationships then map it to a part). */
  get declaresSheets(): boolean {
    return this.byId.size > 0;
  }

  /** Day counts start at 1904-01-01 (`<workbookPr date1904="1"/>`, old Mac workbooks). */
  date1904 = false;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === 'workbookPr') {
      const v = attributes.date1904;
      this.date1904 = v === '1' || v === 'true';
    } else if (name === 'sheet' && attributes.name) {
      const id = attributes['r:id'] ?? Object.entries(attributes).find(([k]) => k.endsWith(':id'))?.[1];
      if (id) this.byId.set(id, attributes.name);
    } else if (name === 'Relationship' && attributes.Id && attributes.Target) {
      const target = attributes.Target.replace(/^\/?(?:xl\/)?/, 'xl/');
      this.targets.set(attributes.Id, target);
    }
    for (const [id, sheet] of this.byId) {
      const target = this.targets.get(id);
      if (target) this.names.set(target, sheet);
    }
  }

  text(): void {}
  close(): void {}
}
