import type { Allowlist } from '../allowlist.ts';
import type { Detector } from '../types.ts';
import { type CompiledDetector, compileDetector } from './compiled-detector.ts';
import { KeywordAutomaton } from './keyword-automaton.ts';

/*
 * The engine's stages, per chunk of text:
 * 1. Chunking and line tracking (`text-scanner.ts`, `TextScanner`): UTF-8 gathered into chunks
 *    with a carry, decoded, lines counted, each match reported by exactly one chunk.
 * 2. Trigger windows (`trigger-windows.ts`, `triggerWindows`): one keyword-automaton pass finds
 *    keywords, ignore markers and digit runs; windows around keywords (or a detector's `span`),
 *    digit runs and IPv6-like colons wake the detectors whose keywords or `structural` match.
 * 3. Patterns run in their detector's windows (`TextScanner.runDetector`).
 * 4. Building a finding (`build-finding.ts`, `buildFinding`): validation, context words, the
 *    ignore marker, allowlist, mask and keyed fingerprint.
 * This file compiles the catalogue once for all of them (automaton, structural groups).
 */

/** The suppression marker: a finding on a line that carries it is not reported. */
export const IGNORE_MARKER = 'data-scanner:ignore';

/**
 * Structural prefilter for keyword-less detectors: a digit followed by at least six more
 * digits or separators. Cards, IBANs, SSNs, phones, IPs and national ids all contain such a run
 * (every built-in trigger needs seven digits, or four and three dots); their patterns only run in
 * windows around these candidates. Prices, counters and ids of six characters are not candidates.
 * The keyword automaton finds the ends of these runs in its own pass (`runLength`); the regex is
 * their definition, which tests hold the automaton to.
 */
export const STRUCTURAL_CANDIDATE = /[0-9][0-9 .:\-/()]{6,}/g;

/** The candidate runs for a catalogue whose triggers wake on six characters (custom detectors). */
export const SHORT_STRUCTURAL_CANDIDATE = /[0-9][0-9 .:\-/()]{5,}/g;

/** What wakes a keyword-less detector: digit runs with enough digits, of a given shape. */
export type StructuralTrigger = NonNullable<Detector['structural']>;

/**
 * Dates, times and epoch milliseconds (`2026-11-14`, `12:34:56.789`, `1762041234567`) are the
 * most common digit runs in logs and match no keyword-less detector (no card or phone number
 * has 13 digits starting with 1), so they wake none (date of birth is keyword-bound).
 */
export const DATE_OR_TIME =
  /^(?:1[0-9]{12}|\d{4}-\d{2}-\d{2}|\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?|\d{4}-\d{2}-\d{2}[ ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)[ ]?$/;

/**
 * The commonest `DATE_OR_TIME` runs, which the automaton leaves unreported itself: epoch
 * milliseconds, `2026-11-14` and `12:34:56.789` (`d` any digit; the whole run from its first
 * digit). Most digit runs in logs, CSV and JSON are one of these.
 */
export const QUIET_RUNS: readonly string[] = ['1dddddddddddd', 'dddd-dd-dd', 'dd:dd:dd.ddd'];

/**
 * `DATE_OR_TIME` tested in place (sticky, at a run's start in the chunk) so the run needs no
 * string of its own. Its `$` becomes "a character outside the run class, or the end", which in
 * the text is exactly the run's end; `[.,]` becomes `\.` (a run holds no comma) so no match can
 * reach past that end.
 */
export const DATE_OR_TIME_AT = new RegExp(
  `${DATE_OR_TIME.source.slice(1, -1).replaceAll('[.,]', '\\.')}(?:[^0-9 .:\\-/()]|$)`,
  'y',
);

/** More digits than any run holds: a group that no digit run wakes. */
const NEVER = 0x3fffffff;

/** Per structural group (in order): the digits a run needs, and whether it must be a dotted quad. */
export interface RunNeeds {
  minDigits: Int32Array;
  dotted: Uint8Array;
  /** Groups woken by IPv6-like colons instead. */
  colons: Uint8Array;
  anyColons: boolean;
  /** The fewest digits that wake any group, and any group but the dotted ones (NEVER: none). */
  fewest: number;
  fewestUndotted: number;
  /**
   * Characters a digit run needs to be a structural candidate: 7 (`STRUCTURAL_CANDIDATE`), 6
   * (`SHORT_STRUCTURAL_CANDIDATE`), or 0 when no trigger counts digits. The automaton finds them.
   */
  runLength: number;
}

function runNeeds(triggers: readonly (StructuralTrigger | undefined)[]): RunNeeds {
  const minDigits = Int32Array.from(triggers, (t) => (t && t.shape !== 'colons' ? t.minDigits : NEVER));
  const dotted = Uint8Array.from(triggers, (t) => (t?.shape === 'dotted-quad' ? 1 : 0));
  const colons = Uint8Array.from(triggers, (t) => (t?.shape === 'colons' ? 1 : 0));
  let fewest = NEVER;
  let fewestUndotted = NEVER;
  // The shortest run that can wake a group: its digits, and for a dotted quad three dots.
  let shortest = NEVER;
  minDigits.forEach((m, g) => {
    fewest = Math.min(fewest, m);
    if (dotted[g] === 0) fewestUndotted = Math.min(fewestUndotted, m);
    if (m !== NEVER) shortest = Math.min(shortest, m + 3 * dotted[g]!);
  });
  const runLength = shortest === NEVER ? 0 : shortest < 7 ? 6 : 7;
  return { minDigits, dotted, colons, anyColons: colons.includes(1), fewest, fewestUndotted, runLength };
}

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
  /** Keyword-less detectors, grouped by trigger; `undefined` trigger: run on all text. */
  readonly structural: readonly { trigger: StructuralTrigger | undefined; detectors: number[] }[];
  /** What each structural group needs of a digit run, computed once for the chunk loop. */
  readonly runNeeds: RunNeeds;
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
    this.keywordDetectors = wakes;
    const groups = new Map<string, { trigger: StructuralTrigger | undefined; detectors: number[] }>();
    this.compiled.forEach((c, i) => {
      if (!c.structural) return;
      const trigger = c.detector.structural;
      const key = JSON.stringify(trigger ?? null);
      let group = groups.get(key);
      if (!group) {
        group = { trigger, detectors: [] };
        groups.set(key, group);
      }
      group.detectors.push(i);
    });
    this.structural = [...groups.values()];
    this.runNeeds = runNeeds(this.structural.map((g) => g.trigger));
    this.automaton = new KeywordAutomaton(keywords, {
      runLength: this.runNeeds.runLength,
      quietRuns: QUIET_RUNS,
    });
  }

  /** Resets the work counters. */
  resetStats(): void {
    this.stats.regexChars = 0;
    this.stats.windows = 0;
    this.stats.prefilterBytes = 0;
  }
}
