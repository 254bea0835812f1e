import type { FieldInfo, Locator } from '../engine/locator.ts';
import { TextScanner } from '../engine/text-scanner.ts';
import type { WalkContext } from './walk-context.ts';

/**
 * Follows a stream of segments (a spreadsheet cell, a paragraph, a PDF page, a record's field)
 * written one after another: reports the location of the segment a position falls in. Segments
 * are dropped once the engine has moved past them, so memory holds only the current chunk's.
 */
export class SegmentLocator implements Locator {
  private starts: number[] = [];
  private fields: FieldInfo[] = [];
  private head = 0;
  private current: FieldInfo = {};

  /** Records that the segment with `field` starts at absolute character `start`. */
  push(start: number, field: FieldInfo): void {
    this.starts.push(start);
    this.fields.push(field);
  }

  private at = 0;

  advance(_text: string, _from: number, to: number, textStart: number): void {
    this.at = textStart + to;
    this.catchUp();
  }

  snapshot(): FieldInfo {
    // A segment starting where the engine already stands (the first, at 0) counts at once.
    this.catchUp();
    return this.current;
  }

  private catchUp(): void {
    const at = this.at;
    while (this.head < this.starts.length && this.starts[this.head]! <= at) {
      this.current = this.fields[this.head]!;
      this.head++;
    }
    if (this.head > 4096) {
      this.starts = this.starts.slice(this.head);
      this.fields = this.fields.slice(this.head);
      this.head = 0;
    }
  }
}

/** Characters of small segments gathered before they are handed to the engine. */
const BATCH_CHARS = 64 * 1024;

/**
 * Feeds the text of a structured document to the engine, one segment at a time, each on its
 * own line(s) so no match runs from one cell or page into the next. Findings carry the
 * segment's location; their byte offsets and lines count in the extracted text.
 */
export class SegmentWriter {
  private readonly locator = new SegmentLocator();
  private readonly scanner: TextScanner;
  private chars = 0;

  constructor(
    private readonly ctx: WalkContext,
    archivePath: string | undefined,
  ) {
    const options: { locator: Locator; archivePath?: string } = { locator: this.locator };
    if (archivePath !== undefined) options.archivePath = archivePath;
    this.scanner = new TextScanner(ctx.engine, ctx.sink, options);
  }

  private pending: string[] = [];
  private pendingChars = 0;

  /** Scans `text` as one segment located at `field`; empty text is skipped. */
  write(text: string, field: FieldInfo): void {
    if (text.length === 0) return;
    this.locator.push(this.chars, field);
    const line = text.endsWith('\n') ? text : `${text}\n`;
    this.chars += line.length;
    // Many small segments (a column's values) go to the engine in batches, not one by one.
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= BATCH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pendingChars === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.scanner.write(Buffer.from(text, 'utf8'));
  }

  /** Scans what is left and counts the scanned bytes. */
  end(): void {
    try {
      this.flush();
      this.scanner.end();
    } finally {
      this.ctx.bytesScanned += this.scanner.bytesScanned;
    }
  }
}
