import type { FieldInfo } from '../../engine/locator.ts';
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
 * A SpreadsheetML worksheet: one segment per cell with its sheet, A1 reference and, below a
 * first row of text, that row's value as the column name (context for the detectors). Shared
 * strings are resolved, numbers written out in digits, and formulas scanned as well.
 */
export class WorksheetHandler implements XmlHandler {
  private readonly headers = new Map<number, string>();
  private ref = '';
  private type = '';
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
    else if (this.type === 'n') text = numberText(this.value);
    else text = this.value;
    const column = columnNumber(this.ref);
    const row = Number(/[0-9]+$/.exec(this.ref)?.[0] ?? 0);
    if (row === 1 && text !== '' && /[A-Za-z]/.test(text)) this.headers.set(column, text.slice(0, 128));
    const field: FieldInfo = { sheet: this.sheet, cell: this.ref };
    const header = row > 1 ? this.headers.get(column) : undefined;
    if (header !== undefined) {
      field.column_name = header;
      field.fieldName = header;
    }
    this.emit(this.formula === '' ? text : `${text}\n=${this.formula}`, field);
  }
}

/** Sheet names by relationship id, and relationship targets, from the workbook's parts. */
export class WorkbookHandler implements XmlHandler {
  /** `xl/worksheets/sheet1.xml` → `Customers`. */
  readonly names = new Map<string, string>();
  private readonly byId = new Map<string, string>();
  private readonly targets = new Map<string, string>();

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === 'sheet' && attributes.name) {
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
