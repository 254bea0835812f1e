import type { FieldInfo } from '../../engine/locator.ts';
import { CellNames, columnLetters } from './spreadsheet.ts';
import type { XmlHandler } from './xml-parts.ts';

/** Repeated rows or cells beyond this count are empty filler and are not expanded. */
const MAX_REPEAT = 1024;

/**
 * An OpenDocument `content.xml` (or `styles.xml` for headers and footers): text documents by
 * paragraph, spreadsheets by sheet and cell (repeats expanded), presentations by page and frame.
 */
export class OpenDocumentHandler implements XmlHandler {
  private paragraphText = '';
  private depth = 0;
  private paragraph = 0;
  private sheet: string | undefined;
  private row = 0;
  private col = 0;
  private cellRepeat = 1;
  private cellValue: string | undefined;
  private cellText = '';
  private inCell = false;
  private page = 0;
  private frame: string | undefined;
  private notes = 0;
  /** Inside `text:note-citation`: a footnote's mark (`1`), which would run into the text before it. */
  private citation = 0;
  /** Text of the paragraphs a nested one (a note, a comment, a text box) interrupts. */
  private readonly outer: string[] = [];
  private readonly names = new CellNames();

  constructor(
    private readonly part: string,
    private readonly emit: (text: string, field: FieldInfo) => void,
  ) {}

  open(name: string, a: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'table:table':
        this.sheet = a['table:name'] ?? `Sheet${this.row}`;
        this.row = 0;
        this.names.clear();
        break;
      case 'table:table-row':
        this.row++;
        this.col = 0;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        this.inCell = true;
        this.cellRepeat = Math.min(MAX_REPEAT, Number(a['table:number-columns-repeated'] ?? 1) || 1);
        this.cellValue = a['office:value'] ?? a['office:date-value'] ?? a['office:string-value'];
        this.cellText = '';
        break;
      case 'draw:page':
        this.page++;
        break;
      case 'draw:frame':
        this.frame = a['draw:name'];
        break;
      case 'presentation:notes':
        this.notes++;
        break;
      case 'text:p':
      case 'text:h':
        this.depth++;
        if (!this.inCell) {
          this.outer.push(this.paragraphText);
          this.paragraphText = '';
        }
        break;
      case 'text:note-citation':
        this.citation++;
        break;
      case 'text:s':
        this.add(' '.repeat(Math.min(64, Number(a['text:c'] ?? 1) || 1)));
        break;
      case 'text:tab':
        this.add('\t');
        break;
      case 'text:line-break':
        this.add('\n');
        break;
    }
  }

  text(t: string): void {
    if (this.depth > 0 && this.citation === 0) this.add(t);
  }

  private add(t: string): void {
    if (this.inCell) this.cellText += t;
    else this.paragraphText += t;
  }

  close(name: string): void {
    switch (name) {
      case 'text:p':
      case 'text:h':
        this.depth--;
        if (this.inCell) this.cellText += '\n';
        else {
          this.paragraphEnd();
          this.paragraphText = this.outer.pop() ?? '';
        }
        break;
      case 'text:note-citation':
        this.citation--;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        this.cellEnd();
        break;
      case 'table:table':
        this.sheet = undefined;
        break;
      case 'presentation:notes':
        this.notes--;
        break;
    }
  }

  private paragraphEnd(): void {
    const text = this.paragraphText;
    this.paragraphText = '';
    this.paragraph++;
    if (this.page > 0)
      this.emit(text, { slide: this.page, part: this.notes > 0 ? 'notes' : (this.frame ?? 'slide') });
    else this.emit(text, { part: this.part, paragraph: this.paragraph });
  }

  private cellEnd(): void {
    this.inCell = false;
    const shown = this.cellText.replace(/\n$/, '');
    const value =
      this.cellValue !== undefined && this.cellValue !== shown ? `${shown}\n${this.cellValue}` : shown;
    for (let i = 0; i < this.cellRepeat; i++) {
      this.col++;
      if (value === '') continue;
      const cell = `${columnLetters(this.col)}${this.row}`;
      this.emit(value, this.names.field(this.sheet ?? 'Sheet1', cell, this.row, this.col, shown));
      // A repeated cell holds the same value: it is reported once, at its first position.
      this.col += this.cellRepeat - 1 - i;
      break;
    }
  }
}
