import { isAscii, isUtf8 } from 'node:buffer';
import type { Finding } from '../types.ts';
import { buildFinding, type Candidate, matchConfidence } from './build-finding.ts';
import type { CompiledDetector } from './compiled-detector.ts';
import type { Engine } from './engine.ts';
import { fieldKeyedDetectors } from './keyed-candidates.ts';
import type { KeyedValue, KeyedValueFinder, Locator } from './locator.ts';
import { decodeMixed, utf8Offsets } from './mixed-text.ts';
import { triggerWindows } from './trigger-windows.ts';
import { mergeWindows, type Windows } from './windows.ts';

/**
 * Bytes gathered before a chunk is scanned. A whole chunk's string (with the carry) stays
 * under V8's 128 KiB large-object size: strings below it are made in the young generation,
 * which reuses its pages and frees them nearly for nothing (0.06-0.25 ms per MB to decode
 * here, against 0.85 for a heap string of a megabyte, which takes fresh pages and makes V8
 * collect the old generation every few chunks).
 */
export const CHUNK_BYTES = 96 * 1024;
/** Characters carried into the next chunk; the longest match the engine guarantees whole. */
export const CARRY_CHARS = 4096;
/** The most bytes a chunk holds: a full chunk after the carry (4 bytes a character at most) and a split character. */
const WORK_BYTES = CHUNK_BYTES + 4 * CARRY_CHARS + 3;
/** Characters of the carry that precede the next chunk's report boundary (context, `\b`). */
export const CONTEXT_CHARS = 256;

/** Receives findings; may throw (a ScanStop) to end the object. */
export type FindingSink = (finding: Finding) => void;

/** A generic detector's finding, held until no specific match can overlap it any more. */
interface Pending {
  start: number;
  end: number;
  fieldName: string | undefined;
  finding: Finding;
}

/**
 * Scans one stream of UTF-8 text in chunks with overlap. Every match is reported exactly once
 * whatever the chunking; memory stays bounded by the chunk size whatever the line length.
 */
export class TextScanner {
  /** Bytes gathered for the next chunk (the carry first), reused from chunk to chunk. */
  private work: Buffer = Buffer.allocUnsafe(0);
  private filled = 0;
  /** Absolute char/byte offsets of the current chunk's first character. */
  private absChar = 0;
  private absByte = 0;
  /** Matches starting before this absolute char were reported by an earlier chunk. */
  private reportFrom = 0;
  private line = 1;
  private lineStartAbs = 0;
  /** Absolute start of the latest line seen to carry the ignore marker (a line may span chunks). */
  private markedLineAbs = -1;
  private locatorAt = 0;
  /** Absolute char the keyed-value finder has read to. */
  private keyedAt = 0;
  /** Absolute end of the furthest specific match so far: a generic match starting before it overlaps one. */
  private claimedEnd = 0;
  /**
   * Left by `report` for `flush`: the line reached at chunk position `before` (every line
   * break before it counted, the next one at `nextBreak`), so lines are not counted twice.
   */
  private counted: { line: number; lineStart: number; nextBreak: number; before: number } | undefined;
  /** Decoded bytes handed to the detectors. */
  bytesScanned = 0;

  /**
   * `start` places the text inside its object: the byte offset and line of its first byte (text
   * that resumes after a binary stretch; its first line's columns count from that byte).
   */
  constructor(
    private readonly engine: Engine,
    private readonly sink: FindingSink,
    private readonly options: {
      locator?: Locator;
      /** Finds values named only by their field (CSV columns, SQL columns) for `fieldKeyed` detectors. */
      keyed?: KeyedValueFinder;
      archivePath?: string;
      start?: { byte: number; line: number };
    } = {},
  ) {
    if (options.start) {
      this.absByte = options.start.byte;
      this.line = options.start.line;
    }
  }

  /** The line reached so far; after `end`, the line of the last byte. */
  get lineNumber(): number {
    return this.line;
  }

  /** Adds UTF-8 bytes; scans whenever a full chunk is gathered. */
  write(bytes: Uint8Array): void {
    this.bytesScanned += bytes.length;
    for (let at = 0; at < bytes.length; ) {
      const n = Math.min(bytes.length - at, WORK_BYTES - this.filled);
      this.reserve(this.filled + n);
      this.work.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled >= CHUNK_BYTES) this.flush(false);
    }
  }

  /** Scans what is left. */
  end(): void {
    this.flush(true);
  }

  /** Grows the work buffer to hold `bytes` (small objects never get a whole chunk's worth). */
  private reserve(bytes: number): void {
    if (bytes <= this.work.length) return;
    const grown = Buffer.allocUnsafe(Math.min(WORK_BYTES, Math.max(bytes, 2 * this.work.length)));
    this.work.copy(grown, 0, 0, this.filled);
    this.work = grown;
  }

  private flush(final: boolean): void {
    const all = this.work.subarray(0, this.filled);
    let usable = all.length;
    if (!final) usable = completeUtf8Length(all);
    const bytes = all.subarray(0, usable);
    // ASCII decodes as latin1 (same string, no UTF-8 validation: about 3x faster). Bytes that
    // are not valid UTF-8 get a decoding that maps every byte to one character (see decodeMixed).
    // `byteMap` gives each character's byte offset, unless there is one byte a character.
    let text: string;
    let byteMap: Int32Array | undefined;
    if (isAscii(bytes)) text = bytes.toString('latin1');
    else if (isUtf8(bytes)) {
      text = bytes.toString('utf8');
      byteMap = utf8Offsets(text);
    } else ({ text, byteOf: byteMap } = decodeMixed(bytes));
    if (text.length === bytes.length) byteMap = undefined;
    let carryStart = final ? text.length : Math.max(0, text.length - CARRY_CHARS);
    // The carry never starts inside a surrogate pair: its half would count as a character of
    // its own (3 bytes) and the bytes carried would start mid-character.
    if (byteMap && carryStart > 0 && isLowSurrogate(text.charCodeAt(carryStart))) carryStart--;
    const cut = final ? text.length : Math.min(text.length, carryStart + CONTEXT_CHARS);
    this.scanChunk(bytes, text, cut, byteMap, final);
    const counted = this.counted;
    this.counted = undefined;
    if (counted && counted.before <= carryStart) {
      this.line = counted.line;
      this.lineStartAbs = counted.lineStart;
      this.advanceLines(text, counted.nextBreak, carryStart);
    } else this.advanceLines(text, 0, carryStart);
    if (final) {
      this.work = Buffer.allocUnsafe(0);
      this.filled = 0;
      return;
    }
    const carryByte = byteMap ? byteMap[carryStart]! : carryStart;
    this.absChar += carryStart;
    this.absByte += carryByte;
    this.work.copyWithin(0, carryByte, this.filled);
    this.filled -= carryByte;
  }

  /** Moves the line counter over `text[from, to)` (relative to the chunk). */
  private advanceLines(text: string, from: number, to: number): void {
    let i = text.indexOf('\n', from);
    while (i !== -1 && i < to) {
      this.line++;
      this.lineStartAbs = this.absChar + i + 1;
      i = text.indexOf('\n', i + 1);
    }
  }

  /**
   * `byteMap` gives each character's byte offset; without it, offsets are the same in both.
   */
  private scanChunk(
    bytes: Buffer,
    text: string,
    cut: number,
    byteMap: Int32Array | undefined,
    final: boolean,
  ): void {
    const engine = this.engine;
    const { perDetector, markers } = triggerWindows(engine, bytes, text, byteMap);
    const candidates: Candidate[] = [];
    const merged = new Set<Windows>();
    for (const [di, windows] of perDetector) {
      if (!merged.has(windows)) {
        const covered = mergeWindows(windows);
        if (covered > text.length / 2) windows.splice(0, windows.length, 0, text.length);
        merged.add(windows);
      }
      this.runDetector(engine.compiled[di]!, text, windows, cut, candidates);
    }
    if (this.options.keyed) this.findKeyed(this.options.keyed, text, cut, final, candidates);
    if (candidates.length > 0) {
      candidates.sort((a, b) => a.start - b.start || a.end - b.end);
      this.report(candidates, text, byteMap, markers, cut, perDetector);
    }
    const lastMarker = markers[markers.length - 1];
    if (lastMarker !== undefined) {
      const lineBreak = text.lastIndexOf('\n', lastMarker);
      this.markedLineAbs = lineBreak === -1 ? this.lineStartAbs : this.absChar + lineBreak + 1;
    }
    this.advanceLocator(text, cut);
    this.reportFrom = this.absChar + cut;
  }

  private runDetector(
    det: CompiledDetector,
    text: string,
    windows: Windows,
    cut: number,
    out: Candidate[],
  ): void {
    const re = det.regex;
    const stats = this.engine.stats;
    const minStart = this.reportFrom - this.absChar;
    for (let w = 0; w < windows.length; w += 2) {
      const a = windows[w]!;
      const b = windows[w + 1]!;
      if (b <= minStart || a >= cut) continue;
      const sub = a === 0 && b === text.length ? text : text.slice(a, b);
      stats.regexChars += b - a;
      stats.windows++;
      re.lastIndex = 0;
      for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const value = m[det.valueGroup];
        if (value === undefined || value.length === 0) continue;
        const start = a + m.index + valueOffset(re, sub, m, det.valueGroup, value);
        if (start < minStart || start >= cut) continue;
        out.push({ det, start, end: start + value.length, value });
      }
    }
  }

  /** Adds the candidates of the values the finder names in `text` up to `cut` (and any it finishes past it). */
  private findKeyed(
    finder: KeyedValueFinder,
    text: string,
    cut: number,
    final: boolean,
    out: Candidate[],
  ): void {
    const from = Math.max(0, this.keyedAt - this.absChar);
    const values: KeyedValue[] = [];
    const keys = fieldKeyedDetectors(this.engine);
    finder.find(text, from, cut, this.absChar, final, keys.wanted, values);
    this.keyedAt = this.absChar + cut;
    if (values.length > 0) keys.candidates(values, out);
  }

  private advanceLocator(text: string, to: number): void {
    const locator = this.options.locator;
    if (!locator) return;
    const from = this.locatorAt - this.absChar;
    if (to > from) {
      locator.advance(text, Math.max(0, from), to, this.absChar);
      this.locatorAt = this.absChar + to;
    }
  }

  /**
   * Locates and reports the candidates (sorted by start). Line breaks are found once, moving
   * forward: a long line with many candidates is not searched again for each of them. A generic
   * detector's finding waits in `pending` until the candidates pass its end: a specific match
   * that overlaps it drops it. Findings still leave in order of their start.
   */
  private report(
    candidates: Candidate[],
    text: string,
    byteMap: Int32Array | undefined,
    markers: number[],
    cut: number,
    perDetector: ReadonlyMap<number, Windows>,
  ): void {
    let line = this.line;
    let lineStart = this.lineStartAbs;
    let nextBreak = lineBreakFrom(text, 0);
    let markerAt = 0;
    let claimed = this.claimedEnd - this.absChar;
    const pending: Pending[] = [];
    const byteOf = (i: number): number => this.absByte + (byteMap ? byteMap[i]! : i);
    for (const c of candidates) {
      while (nextBreak < c.start) {
        line++;
        lineStart = this.absChar + nextBreak + 1;
        nextBreak = lineBreakFrom(text, nextBreak + 1);
      }
      const generic = c.det.generic;
      if (generic && c.start < claimed) continue;
      // Markers and candidates both ascend, so the first marker at or past this line's start decides.
      const lineFrom = lineStart - this.absChar;
      while (markerAt < markers.length && markers[markerAt]! < lineFrom) markerAt++;
      const marked =
        lineStart === this.markedLineAbs || (markerAt < markers.length && markers[markerAt]! < nextBreak);
      this.advanceLocator(text, c.start);
      const field = c.field ?? this.options.locator?.snapshot();
      const confidence = matchConfidence(c, text, field?.fieldName);
      if (confidence === undefined) continue;
      if (!generic) {
        claimed = Math.max(claimed, c.end);
        if (pending.length > 0) this.settle(pending, c.start);
      }
      if (marked) continue;
      const finding = buildFinding(this.engine, c, confidence);
      if (!finding) continue;
      finding.location = {
        byte_start: byteOf(c.start),
        byte_end: byteOf(c.end),
        line,
        column: this.absChar + c.start - lineStart + 1,
      };
      if (field) {
        const { fieldName: _, ...rest } = field;
        Object.assign(finding.location, rest);
      }
      if (this.options.archivePath !== undefined) finding.location.archive_path = this.options.archivePath;
      if (generic) pending.push({ start: c.start, end: c.end, fieldName: field?.fieldName, finding });
      else this.sink(finding);
    }
    this.claimedEnd = this.absChar + claimed;
    for (const p of pending) {
      // A specific match that starts past the cut is the next chunk's to report, but it still
      // overlaps a generic one that straddles the cut.
      if (p.end > cut && this.specificMatchIn(text, p, cut, perDetector)) continue;
      this.sink(p.finding);
    }
    const last = candidates[candidates.length - 1];
    if (last) this.counted = { line, lineStart, nextBreak, before: last.start };
  }

  /** Reports the pending generic findings that end by `at`, and drops those a specific match at `at` overlaps. */
  private settle(pending: Pending[], at: number): void {
    for (const p of pending) if (p.end <= at) this.sink(p.finding);
    pending.length = 0;
  }

  /**
   * True when a specific detector matches (validator and context rule passed) at a start in
   * `[cut, p.end)`: the part of a straddling generic match that the next chunk reports. Only
   * straddling generic findings, which are rare, pay for this second look at the windows.
   */
  private specificMatchIn(
    text: string,
    p: Pending,
    cut: number,
    perDetector: ReadonlyMap<number, Windows>,
  ): boolean {
    for (const [di, windows] of perDetector) {
      const det = this.engine.compiled[di]!;
      if (det.generic) continue;
      const re = det.regex;
      for (let w = 0; w < windows.length; w += 2) {
        const a = windows[w]!;
        const b = windows[w + 1]!;
        if (b <= cut || a >= p.end) continue;
        const sub = text.slice(a, b);
        re.lastIndex = 0;
        for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const value = m[det.valueGroup];
          if (value === undefined || value.length === 0) continue;
          const start = a + m.index + valueOffset(re, sub, m, det.valueGroup, value);
          if (start < cut || start >= p.end) continue;
          const c = { det, start, end: start + value.length, value };
          if (matchConfidence(c, text, p.fieldName) !== undefined) return true;
        }
      }
    }
    return false;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Index of the first line break at or after `from`, or the text's length when there is none. */
function lineBreakFrom(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

/** Length of the prefix of `bytes` that ends on a whole UTF-8 character. */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0x80) return n;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return back >= need ? n : n - back;
  }
  return n;
}

/** Per detector regex, a sticky copy with match indices, for values found twice in their match. */
const withIndices = new WeakMap<RegExp, RegExp>();

/**
 * Where the value group starts in match `m` of `re` on `text`: the value's only occurrence in the
 * match, or, when it occurs twice (`secretId: 'secretId'`, the key and its value), the group's
 * own index from a rerun with match indices at the same place.
 */
function valueOffset(re: RegExp, text: string, m: RegExpExecArray, group: number, value: string): number {
  if (group === 0) return 0;
  const first = m[0].indexOf(value);
  if (first === m[0].lastIndexOf(value)) return Math.max(0, first);
  let sticky = withIndices.get(re);
  if (!sticky) {
    sticky = new RegExp(re.source, 'dy');
    withIndices.set(re, sticky);
  }
  sticky.lastIndex = m.index;
  const again = sticky.exec(text);
  // An `AlternativeGroups` pattern reads its value from the first group that took part.
  for (let g = group; again?.indices && g < again.indices.length; g++) {
    const at = again.indices[g];
    if (at && again[g] === value) return at[0] - m.index;
  }
  return Math.max(0, first);
}
