/**
 * The digit-run tracker the keyword automaton carries along (see `KeywordAutomaton`): a small
 * DFA over run kinds of bytes that reports where each structural candidate run ends, the runs
 * `/[0-9][0-9 .:\-/()]{L-1,}/g` matches, except those that are exactly one of a few quiet
 * shapes (the commonest timestamps, which wake no detector).
 */

/** Run kinds of bytes: outside runs, the digit one, the other digits, and the separators. */
const OTHER = 0;
const ONE = 1;
const DIGIT = 2;
const DASH = 3;
const COLON = 4;
const DOT = 5;
const SEPARATOR = 6;
const KINDS = 7;

/** The run kind of every byte. */
const RUN_KIND = new Uint8Array(256);
for (let byte = 48; byte <= 57; byte++) RUN_KIND[byte] = DIGIT;
RUN_KIND[49] = ONE;
RUN_KIND[45] = DASH;
RUN_KIND[58] = COLON;
RUN_KIND[46] = DOT;
for (const sep of ' /()') RUN_KIND[sep.charCodeAt(0)] = SEPARATOR;

/** True when a digit run may hold this byte (digits and ` .:-/()`). */
export function inRuns(byte: number): boolean {
  return RUN_KIND[byte] !== OTHER;
}

/** The tracker state entered exactly when a reported run ends (it then acts as no run, state 0). */
export const RUN_ENDED = 1;

/** The tracker: states 0 (no run) and RUN_ENDED, then runs under way. */
export interface RunTracker {
  states: number;
  /** Next state, at `state * 256 + byte`. */
  next: Int32Array;
  /** 1 for states whose run is reported if the text ends there. */
  reportsAtEnd: Uint8Array;
}

/** Characters of a quiet shape: `d` any digit, `1` the digit one, and `-`, `:` or `.`. */
const SHAPE_CHAR: Record<string, readonly number[]> = {
  d: [ONE, DIGIT],
  '1': [ONE],
  '-': [DASH],
  ':': [COLON],
  '.': [DOT],
};

/**
 * Builds the tracker for runs of at least `runLength` characters from their first digit, that
 * stays quiet on runs that are exactly one of `quiet` (from the first digit to the run's end).
 */
export function runTracker(runLength: number, quiet: readonly string[]): RunTracker {
  if (!(Number.isInteger(runLength) && runLength >= 2 && runLength <= 64)) {
    throw new RangeError(`runLength must be an integer from 2 to 64, got ${runLength}`);
  }
  for (const shape of quiet) {
    if (shape.length > 30 || !/^[d1][d1:.-]*$/.test(shape)) {
      throw new RangeError(`a quiet run shape is digits (d, 1) and - : . after one, got ${shape}`);
    }
  }
  if (quiet.length > 30) throw new RangeError('at most 30 quiet run shapes');
  const matches = (shape: string, at: number, kind: number) => SHAPE_CHAR[shape[at]!]!.includes(kind);
  // A run under way: its length from the first digit (capped at runLength once no quiet shape
  // is still possible) and the quiet shapes it is still a prefix of (a bit set).
  interface Run {
    length: number;
    alive: number;
  }
  const runs: (Run | undefined)[] = [undefined, undefined];
  const ids = new Map<string, number>();
  const idOf = (run: Run): number => {
    const key = `${run.alive}:${run.length}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = runs.length;
      ids.set(key, id);
      runs.push(run);
    }
    return id;
  };
  const closes = (run: Run | undefined): boolean => {
    if (!run) return false;
    for (let s = 0; s < quiet.length; s++) {
      if ((run.alive >> s) & 1 && quiet[s]!.length === run.length) return false;
    }
    return run.length >= runLength;
  };
  const step = (run: Run | undefined, kind: number): number => {
    if (kind === OTHER) return closes(run) ? RUN_ENDED : 0;
    let length: number;
    let alive = 0;
    if (!run) {
      if (kind !== ONE && kind !== DIGIT) return 0;
      length = 1;
      quiet.forEach((shape, s) => {
        if (matches(shape, 0, kind)) alive |= 1 << s;
      });
    } else {
      length = run.length + 1;
      quiet.forEach((shape, s) => {
        if ((run.alive >> s) & 1 && shape.length >= length && matches(shape, length - 1, kind))
          alive |= 1 << s;
      });
    }
    return idOf({ length: alive === 0 ? Math.min(length, runLength) : length, alive });
  };
  const rows: Int32Array[] = [];
  for (let state = 0; state < runs.length; state++) {
    const row = new Int32Array(KINDS);
    for (let kind = 0; kind < KINDS; kind++) row[kind] = step(runs[state], kind);
    rows.push(row);
  }
  const states = runs.length;
  const next = new Int32Array(states * 256);
  for (let state = 0; state < states; state++) {
    for (let byte = 0; byte < 256; byte++) next[state * 256 + byte] = rows[state]![RUN_KIND[byte]!]!;
  }
  const reportsAtEnd = new Uint8Array(states);
  for (let state = 2; state < states; state++) reportsAtEnd[state] = closes(runs[state]) ? 1 : 0;
  return { states, next, reportsAtEnd };
}

/** A tracker that sees no runs (one state). */
export const NO_RUNS: RunTracker = {
  states: 1,
  next: new Int32Array(256),
  reportsAtEnd: new Uint8Array(1),
};
