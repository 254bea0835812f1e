import type { FieldInfo } from '../../engine/locator.ts';
import { TextCollector, type XmlHandler } from './xml-parts.ts';

/**
 * A WordprocessingML part (`word/document.xml`, headers, footers, comments, notes): one segment
 * per paragraph, with tracked deletions (`w:delText`) and field codes scanned too. Paragraphs in
 * a table carry their cell (`table 1 R2C3`); a text box's paragraphs are their own segments, and
 * its legacy VML copy (`mc:Fallback`) is passed over.
 */
export class WordPartHandler implements XmlHandler {
  private readonly collected = new TextCollector(new Set(['w:t', 'w:delText', 'w:instrText']));
  private paragraph = 0;
  private tables = 0;
  /** Inside `mc:Fallback`: the legacy copy of a text box already read from `mc:Choice`. */
  private fallback = 0;
  /** Open tables, innermost last: table number, row and column. */
  private readonly cells: { table: number; row: number; col: number }[] = [];

  constructor(
    private readonly part: string,
    private readonly emit: (text: string, field: FieldInfo) => void,
  ) {}

  open(name: string): void {
    if (name === 'mc:Fallback') this.fallback++;
    if (this.fallback > 0) return;
    this.collected.open(name);
    switch (name) {
      case 'w:p':
        this.collected.begin();
        break;
      case 'w:tbl':
        this.cells.push({ table: ++this.tables, row: 0, col: 0 });
        break;
      case 'w:tr': {
        const cell = this.cells.at(-1);
        if (cell) {
          cell.row++;
          cell.col = 0;
        }
        break;
      }
      case 'w:tc': {
        const cell = this.cells.at(-1);
        if (cell) cell.col++;
        break;
      }
      case 'w:tab':
        this.collected.separator('\t');
        break;
      case 'w:br':
      case 'w:cr':
        this.collected.separator('\n');
        break;
    }
  }

  text(t: string): void {
    if (this.fallback === 0) this.collected.add(t);
  }

  close(name: string): void {
    if (this.fallback > 0) {
      if (name === 'mc:Fallback') this.fallback--;
      return;
    }
    this.collected.close(name);
    if (name === 'w:p') {
      this.paragraph++;
      const field: FieldInfo = { part: this.part, paragraph: this.paragraph };
      const cell = this.cells.at(-1);
      if (cell) field.cell = `table ${cell.table} R${cell.row}C${cell.col}`;
      this.emit(this.collected.take(), field);
    } else if (name === 'w:tbl') this.cells.pop();
  }
}

/**
 * The part name a WordprocessingML member is reported as (`word/footer2.xml` → `footer2`; the
 * body is `document` also when a producer names it `word/document2.xml`; building blocks
 * `glossary`).
 */
export function wordPart(member: string): string | undefined {
  const m =
    /^word\/(?:(document)\d*|(header\d*|footer\d*|comments|footnotes|endnotes)|glossary\/(document))\.xml$/.exec(
      member,
    );
  if (!m) return undefined;
  return m[3] ? 'glossary' : (m[1] ?? m[2]);
}
