import type { KeyedValue, KeyedValueFinder } from '../engine/locator.ts';

/** Tables whose columns are remembered from CREATE TABLE; past this, later tables are not. */
const MAX_TABLES = 1024;
const MAX_COLUMNS = 1024;
/** Longer values are no secret a keyed detector reports, and are passed over. */
const MAX_VALUE = 1024;

/** A line that starts a statement this reader follows. */
const STATEMENT = /^[ \t]*(COPY|INSERT|REPLACE|CREATE)[ \t]/gim;
const NAME = '([^\\s(,;]{1,256})';
const COPY_HEAD = new RegExp(
  `COPY[ \\t]+${NAME}[ \\t]*\\(([^)\\n]{0,8000})\\)[ \\t]+FROM[ \\t]+stdin[^\\n]{0,64}\\n`,
  'iy',
);
const INSERT_HEAD = new RegExp(
  `(?:INSERT|REPLACE)[ \\t]+(?:(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY)[ \\t]+)?INTO[ \\t]+${NAME}[ \\t]*(?:\\(([^)\\n]{0,8000})\\)[ \\t]*)?VALUES[ \\t]*`,
  'iy',
);
const CREATE_HEAD = new RegExp(
  `CREATE[ \\t]+(?:TEMPORARY[ \\t]+)?TABLE[ \\t]+(?:IF[ \\t]+NOT[ \\t]+EXISTS[ \\t]+)?${NAME}[ \\t]*\\(`,
  'iy',
);
/** A line of a CREATE TABLE body that declares a constraint or index, not a column. */
const NOT_A_COLUMN =
  /^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|PERIOD)\b/i;

const IDLE = 0;
const COPY = 1;
const INSERT = 2;

/** `` `users` ``, `"public"."users"`, `public.users` → `users`. */
function tableName(raw: string): string {
  const last = raw.split('.').pop() ?? raw;
  return last.replace(/[`"[\]]/g, '').toLowerCase();
}

function columnName(raw: string): string {
  return raw.trim().replace(/^[`"[]|[`"\]]$/g, '');
}

/** `\t`, `\n`, `\\` and the like of COPY text and MySQL strings, and SQL's doubled quote. */
function unescapeSql(raw: string, quote: string): string {
  let value = raw;
  if (value.includes('\\'))
    value = value.replace(/\\(.)/g, (_, c: string) =>
      c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c,
    );
  return quote === '' ? value : value.replaceAll(quote + quote, quote);
}

/**
 * The values of a SQL dump under the columns whose names are wanted: the rows of a `COPY t
 * (cols) FROM stdin;` block (pg_dump), the tuples of `INSERT INTO t (cols) VALUES (...),(...)`
 * and of `INSERT INTO t VALUES (...)` whose columns an earlier `CREATE TABLE t (...)` declared
 * (mysqldump). Statements are found at the start of a line; tables none of whose columns are
 * wanted are passed over.
 */
export class SqlKeyedValues implements KeyedValueFinder {
  private readonly tables = new Map<string, string[]>();
  private mode = IDLE;
  /** Absolute offset reading resumes from (a statement's head may be read past `to`). */
  private pos = 0;
  private names: (string | undefined)[] = [];
  private column = 0;
  /** COPY: absolute start of the current cell. INSERT: of the current string's content. */
  private valueStart = 0;
  private depth = 0;
  private quote = 0;
  private escaped = false;
  private quoteText = '';
  private hadEscape = false;
  private closeText = '';
  private close = -1;

  find(
    text: string,
    from: number,
    to: number,
    textStart: number,
    _final: boolean,
    wanted: (name: string) => boolean,
    out: KeyedValue[],
  ): void {
    let i = Math.max(from, this.pos - textStart);
    while (i < to) {
      if (this.mode === IDLE) i = this.statement(text, i, to, wanted);
      else if (this.mode === COPY) i = this.copyRows(text, i, to, textStart, out);
      else i = this.tuples(text, i, to, textStart, out);
    }
    this.pos = textStart + Math.max(i, to);
  }

  /** Finds the next statement head at or after `i` and enters its mode; returns where to go on. */
  private statement(text: string, i: number, to: number, wanted: (name: string) => boolean): number {
    STATEMENT.lastIndex = i;
    const m = STATEMENT.exec(text);
    if (!m || m.index >= to) return to;
    const at = m.index + m[0].length - m[1]!.length - 1;
    const keyword = m[1]!.toUpperCase();
    const head = keyword === 'COPY' ? COPY_HEAD : keyword === 'CREATE' ? CREATE_HEAD : INSERT_HEAD;
    head.lastIndex = at;
    const h = head.exec(text);
    if (!h) return m.index + m[0].length;
    const end = h.index + h[0].length;
    const table = tableName(h[1]!);
    if (head === CREATE_HEAD) return this.createTable(text, end, table);
    const columns = h[2] !== undefined ? h[2].split(',').map(columnName) : this.tables.get(table);
    if (!columns) return end;
    this.names = columns.slice(0, MAX_COLUMNS).map((n) => (n !== '' && wanted(n) ? n : undefined));
    if (!this.names.some((n) => n !== undefined)) return end;
    this.mode = head === COPY_HEAD ? COPY : INSERT;
    this.column = 0;
    this.depth = 0;
    this.quote = 0;
    this.escaped = false;
    this.valueStart = -1;
    return end;
  }

  /** Remembers the columns a CREATE TABLE body declares, one a line (as dumps write them). */
  private createTable(text: string, bodyStart: number, table: string): number {
    // The next body end is remembered, so many heads without one do not each search the rest of the text.
    if (this.closeText !== text || (this.close !== -1 && this.close < bodyStart)) {
      this.closeText = text;
      this.close = text.indexOf('\n)', bodyStart);
    }
    const close = this.close;
    if (close === -1 || close - bodyStart > 64 * 1024) return bodyStart;
    const columns: string[] = [];
    for (const line of text.slice(bodyStart, close).split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || NOT_A_COLUMN.test(trimmed)) continue;
      const name = /^(`[^`]{1,128}`|"[^"]{1,128}"|\[[^\]]{1,128}\]|[A-Za-z_][\w$]{0,127})/.exec(trimmed);
      if (name) columns.push(columnName(name[1]!));
    }
    if (this.tables.size < MAX_TABLES || this.tables.has(table)) this.tables.set(table, columns);
    return close + 2;
  }

  /** COPY rows: tab-separated cells, `\N` for NULL, a line `\.` ends the block. */
  private copyRows(text: string, from: number, to: number, textStart: number, out: KeyedValue[]): number {
    if (this.valueStart < 0) this.valueStart = textStart + from;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== 9 && c !== 10) continue;
      const start = this.valueStart - textStart;
      if (c === 10 && this.column === 0 && start >= 0 && text.slice(start, i).replace(/\r$/, '') === '\\.') {
        this.mode = IDLE;
        return i + 1;
      }
      this.emit(text, start, c === 10 && text.charCodeAt(i - 1) === 13 ? i - 1 : i, '', out);
      this.column = c === 9 ? this.column + 1 : 0;
      this.valueStart = textStart + i + 1;
    }
    return to;
  }

  /** `(v, 'v', ...),(...)` up to the `;` that ends the statement; quoted values are emitted. */
  private tuples(text: string, from: number, to: number, textStart: number, out: KeyedValue[]): number {
    let i = from;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (this.quote !== 0) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) {
          this.escaped = true;
          this.hadEscape = true;
        } else if (c === this.quote) {
          if (i + 1 < text.length && text.charCodeAt(i + 1) === c) {
            this.hadEscape = true;
            i++;
            continue;
          }
          this.quote = 0;
          if (this.depth === 1)
            this.emit(text, this.valueStart - textStart, i, this.hadEscape ? this.quoteText : '', out);
        }
        continue;
      }
      if (c === 39 || c === 34) {
        this.quote = c;
        this.quoteText = String.fromCharCode(c);
        this.hadEscape = false;
        this.valueStart = textStart + i + 1;
      } else if (c === 40) {
        if (this.depth === 0) this.column = 0;
        this.depth++;
      } else if (c === 41) this.depth = Math.max(0, this.depth - 1);
      else if (c === 44 && this.depth === 1) this.column++;
      else if (c === 59 && this.depth === 0) {
        this.mode = IDLE;
        return i + 1;
      }
    }
    // A doubled quote read at `to - 1` took the character at `to` too.
    return i;
  }

  /** Pushes `text[start, end)` when its column is wanted; `quote` set: unescape it. */
  private emit(text: string, start: number, end: number, quote: string, out: KeyedValue[]): void {
    const name = this.names[this.column];
    if (name === undefined || start < 0 || end <= start || end - start > MAX_VALUE) return;
    const raw = text.slice(start, end);
    const value = quote !== '' || (this.mode === COPY && raw.includes('\\')) ? unescapeSql(raw, quote) : raw;
    out.push({ start, end, value, name, field: { column_name: name, fieldName: name } });
  }
}
