import type { XmlHandler } from './xml-parts.ts';

/** Built-in SpreadsheetML number formats that show a date (ECMA-376 §18.8.30, CJK ones too). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** True when a number format code shows a date (`yyyy\-mm\-dd`, `d/m/yy`), not a time or number. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  return /[dy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * The cell styles of a workbook (`xl/styles.xml`) whose number format is a date: `s="3"` on a
 * numeric cell then means a day count (`30882` is 1984-07-19).
 */
export class NumberFormatsHandler implements XmlHandler {
  /** Indexes into `cellXfs` whose format is a date. */
  readonly dateStyles = new Set<number>();
  private readonly custom = new Map<number, string>();
  private inCellXfs = false;
  private xf = 0;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === 'numFmt' && attributes.numFmtId && attributes.formatCode !== undefined) {
      this.custom.set(Number(attributes.numFmtId), attributes.formatCode);
    } else if (name === 'cellXfs') {
      this.inCellXfs = true;
    } else if (name === 'xf' && this.inCellXfs) {
      const id = Number(attributes.numFmtId ?? 0);
      const code = this.custom.get(id);
      if (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) this.dateStyles.add(this.xf);
      this.xf++;
    }
  }

  text(): void {}

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }
}

const DAY = 86_400_000;
/** Day 0 of the 1900 date system, as Excel counts it (with its phantom 29 February 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A spreadsheet day count as an ISO date (`30882` → `1984-07-19`), with the time when it has one
 * (`45000.5` → `2023-03-15T12:00:00`); undefined for what is no plausible date.
 */
export function serialDate(value: string, date1904 = false): string | undefined {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) return undefined;
  const ms = Math.round(n * DAY) + (date1904 ? EPOCH_1904 : EPOCH_1900);
  const iso = new Date(ms).toISOString();
  return Number.isInteger(n) ? iso.slice(0, 10) : iso.slice(0, 19);
}
