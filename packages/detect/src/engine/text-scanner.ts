import { isAscii, isUtf8 } from 'node:buffer';
import { fingerprint } from '../fingerprint.ts';
import { mask } from '../masking.ts';
import type { Finding, MatchContext, ValidationResult } from '../types.ts';
import { type CompiledDetector, type CompiledSpan, inSpanClass } from './compiled-detector.ts';
import { inRuns } from './digit-runs.ts';
import { DATE_OR_TIME_AT, type Engine, type RunNeeds } from './engine.ts';
import { RUN_END } from './keyword-automaton.ts';
import type { Locator } from './locator.ts';
import { decodeMixed, unitAt, utf8Offsets } from './mixed-text.ts';
import { addWindow, mergeWindows, pushWindow, type Windows, widen } from './windows.ts';

/**
 * Bytes gathered before a chunk is scanned. A whole chunk's string (with the carry) stays
 * under V8's 128 KiB large-object size: strings below it are made in the young generation,
 * which reuses its pages and frees them nearly for nothing (0.06-0.25 ms per MB to decode
 * here, against 0.85 for a heap string of a megabyte, which takes fresh pages and makes V8
 * collect the old generation every few chunks).
 */
export const CHUNK_BYTES = 96 * 1024;
/** Characters carried into the next chunk; the longest match the engine guarantees whole. */
const CARRY_CHARS = 4096;
/** The most bytes a chunk holds: a full chunk after the carry (4 bytes a character at most) and a split character. */
const WORK_BYTES = CHUNK_BYTES + 4 * CARRY_CHARS + 3;
/** Characters of the carry that precede the next chunk's report boundary (context, `\b`). */
const CONTEXT_CHARS = 256;
const KEYWORD_BEFORE = 80;
const KEYWORD_AFTER = 400;
const STRUCTURAL_PAD = 24;
const CONTEXT_NEAR = 30;
const CONTEXT_SPAN = 64;

interface Candidate {
  det: CompiledDetector;
  start: number;
  end: number;
  value: string;
}

/** Receives findings; may throw (a ScanStop) to end the object. */
export type FindingSink = (finding: Finding) => void;

function validation(result: boolean | ValidationResult): ValidationResult {
  return typeof result === 'boolean' ? { valid: result } : result;
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
    this.scanChunk(bytes, text, cut, byteMap);
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
  private scanChunk(bytes: Buffer, text: string, cut: number, byteMap: Int32Array | undefined): void {
    const engine = this.engine;
    const perDetector = new Map<number, Windows>();
    const markers: number[] = [];
    engine.stats.prefilterBytes += bytes.length;
    const hits = engine.automaton.scan(bytes);
    // Where candidate digit runs end, in characters.
    const runEnds: number[] = [];
    const toChar = byteMap ? (b: number) => unitAt(byteMap, b) : (b: number) => b;
    for (let h = 0; h < hits.length; h += 2) {
      const k = hits[h]!;
      if (k === RUN_END) {
        runEnds.push(toChar(hits[h + 1]!));
        continue;
      }
      const at = toChar(hits[h + 1]!);
      if (k === engine.markerKeyword) {
        markers.push(at);
        continue;
      }
      for (const di of engine.keywordDetectors[k]!) {
        let w = perDetector.get(di);
        if (!w) {
          w = [];
          perDetector.set(di, w);
        }
        const span = engine.compiled[di]!.span;
        if (span) spanWindow(w, text, span, at, at + engine.automaton.keywords[k]!.length);
        else addWindow(w, text, at - KEYWORD_BEFORE, at + KEYWORD_AFTER);
      }
    }
    if (engine.structural.length > 0) this.structuralWindows(text, runEnds, perDetector);
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
    if (candidates.length > 0) {
      candidates.sort((a, b) => a.start - b.start || a.end - b.end);
      this.report(candidates, text, byteMap, markers);
    }
    const lastMarker = markers[markers.length - 1];
    if (lastMarker !== undefined) {
      const lineBreak = text.lastIndexOf('\n', lastMarker);
      this.markedLineAbs = lineBreak === -1 ? this.lineStartAbs : this.absChar + lineBreak + 1;
    }
    this.advanceLocator(text, cut);
    this.reportFrom = this.absChar + cut;
  }

  /**
   * Windows for keyword-less detectors around digit runs that can hold their values (`runEnds`:
   * where the automaton saw candidate runs end, ascending), and around IPv6-like colons.
   */
  private structuralWindows(
    text: string,
    runEnds: readonly number[],
    perDetector: Map<number, Windows>,
  ): void {
    const groups = this.engine.structural;
    const needs = this.engine.runNeeds;
    const windows: Windows[] = groups.map(() => []);
    digitRunWindows(text, runEnds, needs, windows);
    if (needs.anyColons) colonWindows(text, needs, windows);
    groups.forEach((group, g) => {
      const w = group.trigger ? windows[g]! : [0, text.length];
      if (w.length > 0) for (const di of group.detectors) perDetector.set(di, w);
    });
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
        const start = a + m.index + (det.valueGroup === 0 ? 0 : Math.max(0, m[0].indexOf(value)));
        if (start < minStart || start >= cut) continue;
        out.push({ det, start, end: start + value.length, value });
      }
    }
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
   * forward: a long line with many candidates is not searched again for each of them.
   */
  private report(
    candidates: Candidate[],
    text: string,
    byteMap: Int32Array | undefined,
    markers: number[],
  ): void {
    let line = this.line;
    let lineStart = this.lineStartAbs;
    let nextBreak = lineBreakFrom(text, 0);
    let markerAt = 0;
    const byteOf = (i: number): number => this.absByte + (byteMap ? byteMap[i]! : i);
    for (const c of candidates) {
      while (nextBreak < c.start) {
        line++;
        lineStart = this.absChar + nextBreak + 1;
        nextBreak = lineBreakFrom(text, nextBreak + 1);
      }
      // Markers and candidates both ascend, so the first marker at or past this line's start decides.
      const lineFrom = lineStart - this.absChar;
      while (markerAt < markers.length && markers[markerAt]! < lineFrom) markerAt++;
      const marked =
        lineStart === this.markedLineAbs || (markerAt < markers.length && markers[markerAt]! < nextBreak);
      this.advanceLocator(text, c.start);
      const field = this.options.locator?.snapshot();
      const finding = this.evaluate(c, text, field?.fieldName, marked);
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
      this.sink(finding);
    }
    const last = candidates[candidates.length - 1];
    if (last) this.counted = { line, lineStart, nextBreak, before: last.start };
  }

  private evaluate(
    c: Candidate,
    text: string,
    fieldName: string | undefined,
    marked: boolean,
  ): Finding | undefined {
    const d = c.det.detector;
    const before = text.slice(Math.max(0, c.start - CONTEXT_SPAN), c.start).toLowerCase();
    const after = text.slice(c.end, c.end + CONTEXT_SPAN).toLowerCase();
    const ctx: MatchContext = fieldName === undefined ? { before, after } : { before, after, fieldName };
    let confidence = d.baseConfidence;
    if (d.validate) {
      let result: ValidationResult;
      try {
        result = validation(d.validate(c.value, ctx));
      } catch {
        result = { valid: false };
      }
      if (!result.valid) return undefined;
      if (result.confidence !== undefined) confidence = result.confidence;
    }
    const near = `${before.slice(-CONTEXT_NEAR)} ${after.slice(0, CONTEXT_NEAR)}`;
    const field = fieldName?.toLowerCase();
    const hasContext = c.det.contextWords.some((w) => near.includes(w) || field?.includes(w) === true);
    if (d.requireContext && !hasContext) return undefined;
    if (hasContext) confidence = Math.min(1, confidence + 0.15);
    if (marked) return undefined;
    const fp = fingerprint(this.engine.fingerprintKey, c.value);
    if (this.engine.allowlist.allowsValue(c.value, fp)) return undefined;
    return {
      detector: d.id,
      category: d.category,
      severity: d.severity,
      confidence: Math.round(confidence * 100) / 100,
      location: { byte_start: 0, byte_end: 0, line: 0, column: 0 },
      redacted: mask(c.value, d.mask),
      fingerprint: fp,
    };
  }
}

/**
 * Adds a window to each group a candidate run wakes. A run ends at a character outside the
 * run class and starts at the first digit after the previous such character, so walking back
 * from its end finds its start, digits and dots.
 */
function digitRunWindows(
  text: string,
  runEnds: readonly number[],
  needs: RunNeeds,
  windows: Windows[],
): void {
  const { minDigits, dotted, fewest, fewestUndotted } = needs;
  const span: [number, number] = [0, 0];
  for (let r = 0; r < runEnds.length; r++) {
    const end = runEnds[r]!;
    let start = end;
    let digits = 0;
    let dots = 0;
    let dotsInRun = 0;
    for (let i = end - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        digits++;
        start = i;
        dotsInRun = dots;
      } else if (c === 46) dots++;
      else if (c > 255 || !inRuns(c)) break;
    }
    if (digits < (dotsInRun >= 3 ? fewest : fewestUndotted)) continue;
    if (end - start <= 24) {
      DATE_OR_TIME_AT.lastIndex = start;
      if (DATE_OR_TIME_AT.test(text)) continue;
    }
    widen(text, start - STRUCTURAL_PAD, end + STRUCTURAL_PAD, span);
    for (let g = 0; g < windows.length; g++) {
      if (digits >= minDigits[g]! && (dotted[g] === 0 || dotsInRun >= 3))
        pushWindow(windows[g]!, span[0], span[1]);
    }
  }
}

/**
 * Adds windows for the colon groups around IPv6 candidates: a colon, up to four hex digits, a
 * colon (`::` or `:ab12:`), and for the longer form a third colon within four more characters.
 * Colons are found natively, each once.
 */
function colonWindows(text: string, needs: RunNeeds, windows: Windows[]): void {
  for (let p = text.indexOf(':'); p !== -1; ) {
    // The next colon decides: within five characters, after nothing but hex digits.
    const next = text.indexOf(':', p + 1);
    if (next === -1) break;
    let q = p + 1;
    if (next - p <= 5) while (q < next && isHex(text.charCodeAt(q))) q++;
    const start = p;
    p = next;
    if (q !== next) continue;
    const end = next + 1;
    if (end - start > 2) {
      const third = text.indexOf(':', end);
      if (third === -1 || third - end > 4) continue;
    }
    for (let g = 0; g < windows.length; g++) {
      if (needs.colons[g] === 1) addWindow(windows[g]!, text, start - 40, end + 40);
    }
  }
}

/**
 * Adds the window a `span` detector needs around a keyword at `text[from, to)`: the run of
 * `before` characters that ends at the keyword and the run of `after` characters that starts
 * after it, each cut at its maximum. Every match holds its keyword, so each lies inside its
 * keyword's window, and windows that overlap are merged: the pattern finds in them what it
 * would find in the whole text.
 */
function spanWindow(windows: Windows, text: string, span: CompiledSpan, from: number, to: number): void {
  let a = from;
  const aMin = Math.max(0, from - span.maxBefore);
  while (a > aMin && inSpanClass(span.before, text.charCodeAt(a - 1))) a--;
  let b = to;
  const bMax = Math.min(text.length, to + span.maxAfter);
  while (b < bMax && inSpanClass(span.after, text.charCodeAt(b))) b++;
  addWindow(windows, text, a, b);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
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
