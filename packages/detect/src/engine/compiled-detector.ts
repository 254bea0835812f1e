import v8 from 'node:v8';
import type { Detector } from '../types.ts';

/*
 * Regex engine choice, measured on this (shared, loaded) machine with `npm run bench:detect`:
 * plain irregexp ran single numeric patterns at 100-280 MB/s, but with V8's
 * `--enable-experimental-regexp-engine-on-excessive-backtracks` the same patterns fell to
 * 2-3 MB/s; the whole catalogue with the `l` flag (BENCH_ENGINE=linear, 50 MB) scanned at
 * 22 MB/s against 35 MB/s on irregexp. So patterns run on irregexp, a backtracking engine, and
 * safety comes from the patterns themselves. Each must compile under the linear engine (no
 * backreferences or lookaround, counted repetition up to 16; `catalogue.test.ts`), and no
 * character may be re-read by an unbounded number of start positions: an open run (`X*`) must
 * only start where a character outside `X` ends the previous run, not at a `\b` inside it.
 * `linear-time.test.ts` counts the backtracking steps of every pattern on hostile inputs of
 * size n and 4n and fails when the work grows faster than the input.
 */

/** A detector ready for the engine: its own regex copy and lower-cased context words. */
export interface CompiledDetector {
  readonly detector: Detector;
  readonly regex: RegExp;
  readonly valueGroup: number;
  readonly contextWords: readonly string[];
  /** True when the detector has no keywords and runs on structural candidates. */
  readonly structural: boolean;
  /** The detector's `generic` flag: a specific finding at an overlapping span drops its finding. */
  readonly generic: boolean;
  /** The detector's `span`, as membership tables over ASCII. */
  readonly span: CompiledSpan | undefined;
}

/** A `span` ready for the engine. */
export interface CompiledSpan {
  before: SpanClass;
  maxBefore: number;
  after: SpanClass;
  maxAfter: number;
}

/** A character class: a table for ASCII, the class itself (one UTF-16 unit) for the rest. */
export interface SpanClass {
  ascii: Uint8Array;
  other: RegExp;
}

/** True when the UTF-16 unit `c` is in the class. */
export function inSpanClass(cls: SpanClass, c: number): boolean {
  return c < 128 ? cls.ascii[c] === 1 : cls.other.test(String.fromCharCode(c));
}

function spanClass(body: string): SpanClass {
  const other = new RegExp(`^[${body}]$`);
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = other.test(String.fromCharCode(c)) ? 1 : 0;
  return { ascii, other };
}

function compileSpan(span: Detector['span']): CompiledSpan | undefined {
  if (!span) return undefined;
  for (const n of [span.maxBefore, span.maxAfter]) {
    if (!Number.isInteger(n) || n < 0 || n > 4096)
      throw new RangeError(`span bounds are 0 to 4096, got ${n}`);
  }
  return {
    before: spanClass(span.before),
    maxBefore: span.maxBefore,
    after: spanClass(span.after),
    maxAfter: span.maxAfter,
  };
}

/** Compiles a detector; refuses a pattern without the `g` flag (the engine iterates matches). */
export function compileDetector(detector: Detector): CompiledDetector {
  const flags = detector.pattern.flags.includes('g') ? detector.pattern.flags : `${detector.pattern.flags}g`;
  // The copy keeps the pattern's class, so a RegExp subclass (the tests' step counter) stays itself.
  const Pattern = detector.pattern.constructor as RegExpConstructor;
  return {
    detector,
    regex: new Pattern(detector.pattern.source, flags.replace('y', '')),
    valueGroup: detector.valueGroup ?? 0,
    contextWords: (detector.contextWords ?? []).map((w) => w.toLowerCase()),
    structural: detector.keywords.length === 0,
    generic: detector.generic === true,
    span: compileSpan(detector.span),
  };
}

/** Compiles a pattern under V8's linear-time engine; throws when the pattern is not linear-safe. */
export function compileLinear(pattern: RegExp): RegExp {
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  return new RegExp(pattern.source, `${pattern.flags.replace(/[l]/g, '')}l`);
}
