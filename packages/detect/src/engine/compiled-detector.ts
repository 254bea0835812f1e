import v8 from 'node:v8';
import type { Detector } from '../types.ts';

/**
 * Regex engine choice, measured with `npm run bench:detect` on this machine: V8's linear-time
 * engine (`l` flag) ran the catalogue about 3x slower than irregexp on the mixed corpus, so
 * patterns run on irregexp with V8's fallback to the linear engine after excessive
 * backtracking. Every pattern must still compile under the linear engine (test
 * `linear-time.test.ts`), so a fallback can always happen and no pattern can backtrack
 * catastrophically.
 */
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/** A detector ready for the engine: its own regex copy and lower-cased context words. */
export interface CompiledDetector {
  readonly detector: Detector;
  readonly regex: RegExp;
  readonly valueGroup: number;
  readonly contextWords: readonly string[];
  /** True when the detector has no keywords and runs on structural candidates. */
  readonly structural: boolean;
}

/** Compiles a detector; refuses a pattern without the `g` flag (the engine iterates matches). */
export function compileDetector(detector: Detector): CompiledDetector {
  const flags = detector.pattern.flags.includes('g') ? detector.pattern.flags : `${detector.pattern.flags}g`;
  return {
    detector,
    regex: new RegExp(detector.pattern.source, flags.replace('y', '')),
    valueGroup: detector.valueGroup ?? 0,
    contextWords: (detector.contextWords ?? []).map((w) => w.toLowerCase()),
    structural: detector.keywords.length === 0,
  };
}

/** Compiles a pattern under V8's linear-time engine; throws when the pattern is not linear-safe. */
export function compileLinear(pattern: RegExp): RegExp {
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  return new RegExp(pattern.source, `${pattern.flags.replace(/[l]/g, '')}l`);
}
