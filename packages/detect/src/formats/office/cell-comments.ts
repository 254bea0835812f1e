import type { FieldInfo } from '../../engine/locator.ts';
import { TextCollector, type XmlHandler } from './xml-parts.ts';

/**
 * A SpreadsheetML comments part (`xl/comments1.xml`, notes) or threaded comments part
 * (`xl/threadedComments/threadedComment1.xml`): one segment per comment, located by its sheet
 * and cell, part `comments`. Authors are left out (they are in the document properties too).
 */
export class CellCommentsHandler implements XmlHandler {
  private readonly collected = new TextCollector(new Set(['t', 'text']));
  private ref = '';

  constructor(
    private readonly sheet: string,
    private readonly emit: (text: string, field: FieldInfo) => void,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.collected.open(name);
    if (name === 'comment' || name === 'threadedComment') {
      this.ref = attributes.ref ?? '';
      this.collected.take();
    }
  }

  text(t: string): void {
    this.collected.add(t);
  }

  close(name: string): void {
    this.collected.close(name);
    if (name === 'comment' || name === 'threadedComment') {
      const field: FieldInfo = { sheet: this.sheet, part: 'comments' };
      if (this.ref !== '') field.cell = this.ref;
      this.emit(this.collected.take(), field);
    }
  }
}

/**
 * The comments and drawing parts a worksheet's relationships
 * (`xl/worksheets/_rels/sheet1.xml.rels`) point to, as member names (`../comments1.xml` →
 * `xl/comments1.xml`).
 */
export class SheetRelationsHandler implements XmlHandler {
  readonly parts: string[] = [];

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name !== 'Relationship' || !attributes.Target) return;
    if (!/\/(?:comments|threadedComment|drawing)$/.test(attributes.Type ?? '')) return;
    this.parts.push(resolveTarget('xl/worksheets/', attributes.Target));
  }

  text(): void {}
  close(): void {}
}

/** A relationship target resolved against the folder of the part that holds it. */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder.split('/').filter((p) => p !== '');
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}
