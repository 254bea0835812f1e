import { isAscii, isUtf8 } from 'node:buffer';
import type { FieldInfo, KeyedValue, KeyedValueFinder, Locator } from '../engine/locator.ts';
import { TextScanner } from '../engine/text-scanner.ts';
import type { WalkContext } from './walk-context.ts';

/**
 * Builds the location of a segment from its key (a record index) when a match needs it, so a
 * column of a million values costs no location object per value. `fieldName`: the name every
 * location it builds carries, known without building one.
 */
export type LazyField = ((key: number) => FieldInfo) & { fieldName?: string };

/** Longer segments are no value a keyed detector reports. */
const MAX_KEYED_VALUE = 1024;

/** The locations of one batch of segments, in order: where each starts, its field, its key. */
interface SegmentBlock {
  starts: Float64Array;
  fields: (FieldInfo | LazyField)[];
  keys: Float64Array;
}

/**
 * Follows a stream of segments (a spreadsheet cell, a paragraph, a PDF page, a record's field)
 * written one after another: reports the location of the segment a position falls in. Blocks
 * of segments are dropped once the engine has moved past them, so memory holds only the
 * current chunk's; a lazy field is built only when a match asks where it is.
 */
export class SegmentLocator implements Locator, KeyedValueFinder {
  private readonly blocks: SegmentBlock[] = [];
  /** Next segment to pass in `blocks[0]`. */
  private pos = 0;
  private currentBlock: SegmentBlock | undefined;
  private currentIndex = 0;
  private current: FieldInfo | undefined = {};
  private at = 0;

  /** Adds the next batch of segments (absolute character starts, ascending). */
  pushBlock(block: SegmentBlock): void {
    if (block.starts.length > 0) this.blocks.push(block);
  }

  advance(_text: string, _from: number, to: number, textStart: number): void {
    this.at = textStart + to;
    this.catchUp();
  }

  snapshot(): FieldInfo {
    // A segment starting where the engine already stands (the first, at 0) counts at once.
    this.catchUp();
    if (this.current === undefined) {
      const block = this.currentBlock!;
      const field = block.fields[this.currentIndex]!;
      this.current = typeof field === 'function' ? field(block.keys[this.currentIndex]!) : field;
    }
    return this.current;
  }

  /**
   * The segments starting in `text[from, to)` whose field name is wanted, each value its first
   * line (a segment is a cell, a record's field, a header's value).
   */
  find(
    text: string,
    from: number,
    to: number,
    textStart: number,
    _final: boolean,
    wanted: (name: string) => boolean,
    out: KeyedValue[],
  ): void {
    const fromAbs = textStart + from;
    const toAbs = textStart + to;
    let lastName: string | undefined;
    let lastWanted = false;
    for (let b = 0; b < this.blocks.length; b++) {
      const block = this.blocks[b]!;
      const starts = block.starts;
      if (starts.length === 0 || starts[starts.length - 1]! < fromAbs) continue;
      if (starts[0]! >= toAbs) return;
      for (let s = 0; s < starts.length; s++) {
        const at = starts[s]!;
        if (at < fromAbs) continue;
        if (at >= toAbs) return;
        const field = block.fields[s]!;
        const name = field.fieldName;
        if (name === undefined) continue;
        if (name !== lastName) {
          lastName = name;
          lastWanted = wanted(name);
        }
        if (!lastWanted) continue;
        const start = at - textStart;
        const limit = Math.min(text.length, start + MAX_KEYED_VALUE + 1);
        let end = text.indexOf('\n', start);
        if (end === -1 || end > limit) continue;
        if (end > start && text.charCodeAt(end - 1) === 13) end--;
        if (end > start) out.push({ start, end, value: text.slice(start, end), name });
      }
    }
  }

  private catchUp(): void {
    const at = this.at;
    for (;;) {
      const block = this.blocks[0];
      if (!block) return;
      const starts = block.starts;
      let pos = this.pos;
      if (pos < starts.length && starts[pos]! <= at) {
        while (pos < starts.length && starts[pos]! <= at) pos++;
        this.currentBlock = block;
        this.currentIndex = pos - 1;
        this.current = undefined;
        this.pos = pos;
      }
      if (pos < starts.length) return;
      this.blocks.shift();
      this.pos = 0;
    }
  }
}

/** Bytes of small segments gathered before they are handed to the engine. */
export const SEGMENT_BATCH_BYTES = 64 * 1024;

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

/**
 * Feeds the text of a structured document to the engine, one segment at a time, each on its
 * own line(s) so no match runs from one cell or page into the next. Findings carry the
 * segment's location; their byte offsets and lines count in the extracted text.
 *
 * Segments are gathered as UTF-8 bytes in one reused batch buffer and handed to the engine
 * every {@link SEGMENT_BATCH_BYTES}; the buffer's size is held against `ctx.held`, so the
 * writer holds one batch or one segment, whichever is larger (a segment written in pieces with
 * `begin`/`append`/`finish` holds only its pieces).
 */
export class SegmentWriter {
  private readonly locator = new SegmentLocator();
  private readonly scanner: TextScanner;
  /** Characters handed to the engine before the current batch. */
  private chars = 0;
  private batch: Buffer = Buffer.allocUnsafe(0);
  private used = 0;
  /** Per segment in the batch: its first byte, its field, its key, and whether it came as bytes. */
  private segments = 0;
  private segStarts = new Int32Array(1024);
  private segFields: (FieldInfo | LazyField)[] = [];
  private segKeys = new Float64Array(1024);
  private segRaw = new Uint8Array(1024);
  private rawInBatch = false;
  /** The segment opened by `begin`; `started` once its first piece was written. */
  private open: { field: FieldInfo | LazyField; key: number; started: boolean } | undefined;
  /** Last character appended to the open segment (a line break needs no other). */
  private lastChar = NEWLINE;

  constructor(
    private readonly ctx: WalkContext,
    archivePath: string | undefined,
  ) {
    const options: { locator: Locator; keyed: KeyedValueFinder; archivePath?: string } = {
      locator: this.locator,
      keyed: this.locator,
    };
    if (archivePath !== undefined) options.archivePath = archivePath;
    this.scanner = new TextScanner(ctx.engine, ctx.sink, options);
  }

  /**
   * Scans `text` as one segment located at `field` (or at `field(key)` when a match needs it);
   * empty text is skipped. Bytes are UTF-8 text, read as `TextDecoder` reads them (a leading
   * BOM dropped, bad sequences replaced), without making a string of each.
   */
  write(text: string | Uint8Array, field: FieldInfo | LazyField, key = 0): void {
    if (typeof text === 'string') {
      if (text.length === 0) return;
      this.startSegment(field, key, false);
      this.putString(text);
      if (text.charCodeAt(text.length - 1) !== NEWLINE) this.batch[this.used++] = NEWLINE;
      if (this.used >= SEGMENT_BATCH_BYTES) this.flush();
    } else this.writeRange(text, 0, text.length, field, key);
  }

  /** Scans `bytes[start, end)` (UTF-8 text, read as `write` reads bytes) as one segment. */
  writeRange(bytes: Uint8Array, start: number, end: number, field: FieldInfo | LazyField, key = 0): void {
    const n = end - start;
    if (n <= 0) return;
    if (n >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) {
      this.write(decoder.decode(bytes.subarray(start, end)), field, key);
      return;
    }
    this.startSegment(field, key, true);
    if (this.used + n + 1 > this.batch.length) this.reserve(n + 1);
    const batch = this.batch;
    let used = this.used;
    if (n < 32) for (let i = start; i < end; i++) batch[used++] = bytes[i]!;
    else {
      batch.set(bytes.subarray(start, end), used);
      used += n;
    }
    if (bytes[end - 1] !== NEWLINE) batch[used++] = NEWLINE;
    this.used = used;
    if (used >= SEGMENT_BATCH_BYTES) this.flush();
  }

  /** Opens a segment written in pieces with `append`; nothing is recorded if every piece is empty. */
  begin(field: FieldInfo | LazyField, key = 0): void {
    this.finish();
    this.open = { field, key, started: false };
  }

  /** Adds a piece of text to the segment opened by `begin`. */
  append(text: string): void {
    const open = this.open;
    if (!open) throw new Error('append without begin');
    if (text.length === 0) return;
    if (!open.started) {
      this.open = undefined;
      this.startSegment(open.field, open.key, false);
      this.open = open;
      open.started = true;
    }
    this.putString(text);
    this.lastChar = text.charCodeAt(text.length - 1);
    if (this.used >= SEGMENT_BATCH_BYTES) this.flush();
  }

  /** Ends the segment opened by `begin` on a line break of its own. */
  finish(): void {
    const open = this.open;
    this.open = undefined;
    if (!open?.started || this.lastChar === NEWLINE) return;
    this.reserve(1);
    this.batch[this.used++] = NEWLINE;
  }

  private startSegment(field: FieldInfo | LazyField, key: number, raw: boolean): void {
    if (this.open) this.finish();
    const s = this.segments++;
    if (s === this.segStarts.length) {
      const starts = new Int32Array(2 * s);
      starts.set(this.segStarts);
      this.segStarts = starts;
      const keys = new Float64Array(2 * s);
      keys.set(this.segKeys);
      this.segKeys = keys;
      const raws = new Uint8Array(2 * s);
      raws.set(this.segRaw);
      this.segRaw = raws;
    }
    this.segStarts[s] = this.used;
    this.segFields[s] = field;
    this.segKeys[s] = key;
    this.segRaw[s] = raw ? 1 : 0;
    if (raw) this.rawInBatch = true;
  }

  private putString(text: string): void {
    const n = text.length;
    if (n < 32 && this.used + n + 1 <= this.batch.length) {
      // Short text, written by hand when it is ASCII (a number, a date): no call into the runtime.
      const batch = this.batch;
      const used = this.used;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c > 0x7f) break;
        batch[used + i] = c;
      }
      if (i === n) {
        this.used = used + n;
        return;
      }
    }
    // At most 3 bytes a UTF-16 unit (counted exactly for a long text), and one for the line break.
    this.reserve((text.length > 4096 ? Buffer.byteLength(text, 'utf8') : text.length * 3) + 1);
    this.used += this.batch.write(text, this.used, 'utf8');
  }

  /** Makes room for `n` more bytes, holding the grown buffer against the scan's budget. */
  private reserve(n: number): void {
    const need = this.used + n;
    if (need <= this.batch.length) return;
    const size = Math.max(
      need,
      SEGMENT_BATCH_BYTES + 4096,
      Math.min(2 * this.batch.length, need + SEGMENT_BATCH_BYTES),
    );
    this.ctx.held.hold(size - this.batch.length, 'a document segment');
    const grown = Buffer.allocUnsafe(size);
    this.batch.copy(grown, 0, 0, this.used);
    this.batch = grown;
  }

  private flush(): void {
    if (this.used === 0) return;
    let bytes = this.batch.subarray(0, this.used);
    const segments = this.segments;
    if (this.rawInBatch && !isUtf8(bytes)) bytes = this.repair(bytes);
    const byteStarts = this.segStarts;
    const starts = new Float64Array(segments);
    if (isAscii(bytes)) {
      for (let s = 0; s < segments; s++) starts[s] = this.chars + byteStarts[s]!;
      this.chars += bytes.length;
    } else {
      // Characters as the engine will count them: one per UTF-8 lead byte, two for a 4-byte one.
      let chars = this.chars;
      let s = 0;
      for (let i = 0; i < bytes.length; i++) {
        while (s < segments && byteStarts[s] === i) starts[s++] = chars;
        const b = bytes[i]!;
        if ((b & 0xc0) !== 0x80) chars += b >= 0xf0 ? 2 : 1;
      }
      this.chars = chars;
    }
    this.locator.pushBlock({
      starts,
      fields: this.segFields.slice(0, segments),
      keys: this.segKeys.slice(0, segments),
    });
    this.scanner.write(bytes);
    this.used = 0;
    this.segments = 0;
    this.segFields.length = 0;
    this.rawInBatch = false;
    if (this.batch.length > 4 * SEGMENT_BATCH_BYTES) {
      this.ctx.held.release(this.batch.length);
      this.batch = Buffer.allocUnsafe(0);
    }
  }

  /** Re-encodes the byte segments that are not valid UTF-8 as `TextDecoder` decodes them. */
  private repair(bytes: Buffer): Buffer {
    const parts: Buffer[] = [];
    const starts = this.segStarts;
    const segments = this.segments;
    let prefix = segments > 0 ? starts[0]! : bytes.length;
    if (prefix > 0) parts.push(bytes.subarray(0, prefix));
    for (let s = 0; s < segments; s++) {
      const from = starts[s]!;
      const to = s + 1 < segments ? starts[s + 1]! : bytes.length;
      const piece = bytes.subarray(from, to);
      starts[s] = prefix;
      const fixed = this.segRaw[s] && !isUtf8(piece) ? Buffer.from(decoder.decode(piece), 'utf8') : piece;
      parts.push(fixed);
      prefix += fixed.length;
    }
    return Buffer.concat(parts, prefix);
  }

  /** Scans what is left and counts the scanned bytes. */
  end(): void {
    try {
      this.finish();
      this.flush();
      this.scanner.end();
    } finally {
      this.ctx.bytesScanned += this.scanner.bytesScanned;
      this.ctx.held.release(this.batch.length);
      this.batch = Buffer.allocUnsafe(0);
    }
  }
}
