import { type CompiledSpan, inSpanClass } from './compiled-detector.ts';
import { inRuns } from './digit-runs.ts';
import { DATE_OR_TIME_AT, type Engine, type RunNeeds } from './engine.ts';
import { RUN_END } from './keyword-automaton.ts';
import { unitAt } from './mixed-text.ts';
import { addWindow, pushWindow, type Windows, widen } from './windows.ts';

const KEYWORD_BEFORE = 80;
const KEYWORD_AFTER = 400;
const STRUCTURAL_PAD = 24;

/** Where a chunk's detectors run, and where the ignore marker occurs. */
export interface TriggerWindows {
  /** Windows per detector (index into `engine.compiled`); detectors may share one array. */
  perDetector: Map<number, Windows>;
  /** Character offsets of the ignore marker, ascending. */
  markers: number[];
}

/**
 * The windows each detector's pattern runs in over one chunk: around its keywords (or, for a
 * `span` detector, the span its keyword allows), and for keyword-less detectors around the
 * digit runs and IPv6-like colons their structural triggers wake on. One pass of the keyword
 * automaton over the chunk's bytes finds keywords, markers and digit runs together. `byteMap`
 * gives each character's byte offset; without it, offsets are the same in both.
 */
export function triggerWindows(
  engine: Engine,
  bytes: Buffer,
  text: string,
  byteMap: Int32Array | undefined,
): TriggerWindows {
  const perDetector = new Map<number, Windows>();
  const markers: number[] = [];
  engine.stats.prefilterBytes += bytes.length;
  const hits = engine.automaton.scan(bytes);
  for (let h = 0; h < hits.length; h += 2) {
    const k = hits[h]!;
    if (k === RUN_END) continue;
    const at = byteMap ? unitAt(byteMap, hits[h + 1]!) : hits[h + 1]!;
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
  if (engine.structural.length > 0) structuralWindows(engine, text, hits, byteMap, perDetector);
  return { perDetector, markers };
}

/**
 * Windows for keyword-less detectors around digit runs that can hold their values (the
 * automaton's `RUN_END` hits: where candidate runs end, ascending), and around IPv6-like colons.
 */
function structuralWindows(
  engine: Engine,
  text: string,
  hits: Int32Array,
  byteMap: Int32Array | undefined,
  perDetector: Map<number, Windows>,
): void {
  const groups = engine.structural;
  const needs = engine.runNeeds;
  const windows: Windows[] = groups.map(() => []);
  digitRunWindows(text, hits, byteMap, needs, windows);
  if (needs.anyColons) colonWindows(text, needs, windows);
  groups.forEach((group, g) => {
    const w = group.trigger ? windows[g]! : [0, text.length];
    if (w.length > 0) for (const di of group.detectors) perDetector.set(di, w);
  });
}

/**
 * Adds a window to each group a candidate run wakes (`hits`: the automaton's, whose `RUN_END`
 * pairs give where runs end, in bytes). A run ends at a character outside the run class and
 * starts at the first digit after the previous such character, so walking back from its end
 * finds its start, digits and dots.
 */
function digitRunWindows(
  text: string,
  hits: Int32Array,
  byteMap: Int32Array | undefined,
  needs: RunNeeds,
  windows: Windows[],
): void {
  const { minDigits, dotted, fewest, fewestUndotted } = needs;
  const span: [number, number] = [0, 0];
  for (let h = 0; h < hits.length; h += 2) {
    if (hits[h] !== RUN_END) continue;
    const end = byteMap ? unitAt(byteMap, hits[h + 1]!) : hits[h + 1]!;
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

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
