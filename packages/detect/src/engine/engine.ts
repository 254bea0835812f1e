import type { Allowlist } from '../allowlist.ts';
import type { Detector } from '../types.ts';
import { type CompiledDetector, compileDetector } from './compiled-detector.ts';
import { KeywordAutomaton } from './keyword-automaton.ts';

/** The suppression marker: a finding on a line that carries it is not reported. */
export const IGNORE_MARKER = 'data-scanner:ignore';

/**
 * Structural prefilter for keyword-less detectors: a digit followed by at least five more
 * digits or separators, or `::` (IPv6). Cards, IBANs, SSNs, phones, IPs and national ids all
 * contain such a run; their patterns only run in windows around these candidates.
 */
export const STRUCTURAL_CANDIDATE = /[0-9][0-9 .:\-/()]{5,}|::/g;

/** Work counters of an engine, for tests and benchmarks. */
export interface EngineStats {
  /** Characters handed to detector regexes (sum of window lengths, per detector). */
  regexChars: number;
  /** Windows examined. */
  windows: number;
  /** Bytes that went through the keyword automaton. */
  prefilterBytes: number;
}

/** Options of the shared engine. */
export interface EngineOptions {
  detectors: readonly Detector[];
  fingerprintKey: string | Uint8Array;
  allowlist: Allowlist;
}

/**
 * The compiled catalogue shared by every object a Scanner scans: detectors, the keyword
 * automaton (plus the ignore marker), and which detectors each keyword wakes.
 */
export class Engine {
  readonly compiled: readonly CompiledDetector[];
  readonly automaton: KeywordAutomaton;
  /** Detectors (indexes into `compiled`) woken by each automaton keyword; empty for the marker. */
  readonly keywordDetectors: readonly (readonly number[])[];
  readonly markerKeyword: number;
  readonly structural: readonly number[];
  readonly fingerprintKey: string | Uint8Array;
  readonly allowlist: Allowlist;
  readonly stats: EngineStats = { regexChars: 0, windows: 0, prefilterBytes: 0 };

  constructor(options: EngineOptions) {
    this.compiled = options.detectors.map(compileDetector);
    this.fingerprintKey = options.fingerprintKey;
    this.allowlist = options.allowlist;
    const keywordIndex = new Map<string, number>();
    const keywords: string[] = [];
    const wakes: number[][] = [];
    const add = (keyword: string): number => {
      const k = keyword.toLowerCase();
      let i = keywordIndex.get(k);
      if (i === undefined) {
        i = keywords.length;
        keywordIndex.set(k, i);
        keywords.push(k);
        wakes.push([]);
      }
      return i;
    };
    this.markerKeyword = add(IGNORE_MARKER);
    this.compiled.forEach((c, di) => {
      for (const kw of c.detector.keywords) {
        if (kw.length > 0) wakes[add(kw)]!.push(di);
      }
    });
    this.automaton = new KeywordAutomaton(keywords);
    this.keywordDetectors = wakes;
    this.structural = this.compiled.flatMap((c, i) => (c.structural ? [i] : []));
  }

  /** Resets the work counters. */
  resetStats(): void {
    this.stats.regexChars = 0;
    this.stats.windows = 0;
    this.stats.prefilterBytes = 0;
  }
}
