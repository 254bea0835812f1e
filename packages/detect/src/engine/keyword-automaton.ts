import { compileTables, type Tables } from './automaton-tables.ts';
import { inRuns, NO_RUNS, type RunTracker, runTracker } from './digit-runs.ts';
import { KeywordTrie, RUN_END } from './keyword-trie.ts';

export { RUN_END };

/** Interleaved passes over one chunk (see `scan`). */
const LANES = 4;
/** Below this many bytes per lane, the serial pass is used. */
const LANE_MIN_BYTES = 4096;
/** How far past its nominal start a lane may look for a byte that ends every digit run. */
const LANE_SHIFT_MAX = 1024;

/**
 * Texts under this many bytes are walked on the trie until `TRIE_BUDGET` bytes have been: the
 * table is built (about 100 ms of CPU at start-up for the built-in catalogue) only once enough
 * text comes to pay for it.
 */
const TRIE_MAX_BYTES = 64 * 1024;
const TRIE_BUDGET = 1024 * 1024;

/** Compiled tables, shared by automata of the same keywords and run options (tests build many). */
const cache = new Map<string, Tables>();
const CACHE_SIZE = 8;
/** Whether a scan has run through every branch of the lane loops yet (see `warmUp`). */
let warmed = false;

/** Options of a KeywordAutomaton. */
export interface AutomatonOptions {
  /** Report digit runs of at least this many characters from their first digit; 0: none. */
  runLength?: number;
  /** Runs that are exactly one of these shapes are not reported (see `runTracker`). */
  quietRuns?: readonly string[];
}

/**
 * Aho-Corasick automaton over UTF-8 bytes, ASCII case-insensitive, fused with a digit-run
 * tracker. One pass over a chunk finds every keyword occurrence and, when `runLength` is set,
 * the end of every run that `/[0-9][0-9 .:\-/()]{runLength-1,}/g` would match (a digit, then
 * digits or separators, at least `runLength` characters in all) but for the quiet shapes.
 * Prefilter cost grows with the text and the hits, not with the number of detectors, and
 * digit runs cost no pass of their own.
 *
 * The table is built on the first text of 64 KiB or more, or once small texts add up to a
 * megabyte; until then the same hits come from walking the trie (`KeywordTrie`).
 *
 * A state is a pair (keyword state, run state), numbered only if a text can reach it; the
 * transition table is a flat Int32Array (state * 256 + byte). Transitions into a state that
 * reports something are stored as `~state`, so the hot loop tests the sign only.
 */
export class KeywordAutomaton {
  readonly keywords: readonly string[];
  /** Characters from a run's first digit to its end that get it reported; 0: runs not tracked. */
  readonly runLength: number;
  private readonly key: string;
  private readonly runs: RunTracker;
  private delta: Int32Array = new Int32Array(0);
  /** For each state, the `(keyword or RUN_END, offset from the byte reached)` pairs it reports. */
  private outputs: Int32Array[] = [];
  /** 1 for states in a run that is reported if the text ends there. */
  private endsRun: Uint8Array = new Uint8Array(0);
  /** Bytes a lane reads before its own segment so that its state there equals a whole-text pass. */
  private back = 0;
  private compiled = false;
  private trie: KeywordTrie | undefined;
  /** Bytes walked on the trie so far (see `TRIE_BUDGET`). */
  private trieBytes = 0;
  /** Scratch of `scan`: the lanes' states between its steps. */
  private readonly lanes = new Int32Array(LANES);
  /** Scratch of `scan`: where each lane's own segment starts, and the text's end. */
  private readonly own = new Int32Array(LANES + 1);
  /** Each lane's hits (lane 0 is also the serial pass's), reused from chunk to chunk. */
  private readonly found: Int32Array[] = Array.from({ length: LANES }, () => new Int32Array(16));
  private readonly count = new Int32Array(LANES);

  constructor(keywords: readonly string[], options: AutomatonOptions = {}) {
    this.keywords = keywords;
    const runLength = options.runLength ?? 0;
    const quiet = options.quietRuns ?? [];
    this.runLength = runLength;
    this.key = [runLength, ...quiet, '', ...keywords].join('\u0000');
    this.runs = runLength === 0 ? NO_RUNS : runTracker(runLength, quiet);
    if (cache.has(this.key)) this.compile();
  }

  /** Builds (or takes from the cache) the table. */
  private compile(): void {
    let tables = cache.get(this.key);
    if (!tables) {
      tables = compileTables(this.keywords, this.runs);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(this.key, tables);
    }
    this.delta = tables.delta;
    this.outputs = tables.outputs;
    this.back = tables.back;
    this.endsRun = tables.endsRun;
    this.compiled = true;
  }

  /**
   * Runs one small laned scan with hits in every lane and in every lane's tail. V8 optimizes
   * the lane loop while it runs over the first chunk; a branch that had not run by then (the
   * first hit of a lane) has no type feedback, and taking it later throws the optimized code
   * away, mid-chunk, again and again. Once per process, about 64 KiB, before the first text long
   * enough for lanes (a short scan, such as a CLI run over a small file, never pays for it).
   */
  private warmUp(): void {
    const word = this.keywords.find((k) => k.length > 0) ?? '';
    const piece = Buffer.from(`${word} ${this.runLength === 0 ? '' : '4539 1488 0343 6467'} x `, 'utf8');
    const bytes = Buffer.alloc(LANES * LANE_MIN_BYTES * 4, 'abc ');
    for (let at = 0; at + piece.length < bytes.length; at += 997) piece.copy(bytes, at);
    this.scan(bytes);
    this.count.fill(0);
  }

  /**
   * Returns `keywordIndex, startByte` for every keyword occurrence in `bytes`, and
   * `RUN_END, endByte` for every digit run (when tracked), in the order a single left-to-right
   * pass finds them: by end (a run ends on the byte after it), a run's end before keywords
   * ending on the same byte, then longest keyword first. The array is reused by the next call.
   */
  scan(bytes: Uint8Array): Int32Array {
    const n = bytes.length;
    if (!this.compiled) {
      if (n < TRIE_MAX_BYTES && this.trieBytes + n <= TRIE_BUDGET) {
        this.trieBytes += n;
        this.trie ??= new KeywordTrie(this.keywords, this.runs);
        return this.trie.scan(bytes);
      }
      this.compile();
      this.trie = undefined;
    }
    if (!warmed && n >= LANES * LANE_MIN_BYTES && (this.keywords.length > 0 || this.runLength !== 0)) {
      warmed = true;
      this.warmUp();
    }
    this.count.fill(0);
    let last: number;
    let lanes = 1;
    if (n < LANES * LANE_MIN_BYTES || this.back > LANE_MIN_BYTES / 2 || !this.placeLanes(bytes)) {
      last = this.serial(bytes);
    } else {
      last = this.laned(bytes);
      lanes = LANES;
    }
    // A run that reaches the end of the text ends there.
    if (this.endsRun[last] === 1) {
      this.push(lanes - 1, RUN_END, n);
    }
    if (lanes === 1) return this.found[0]!.subarray(0, this.count[0]!);
    // Lane 0's buffer gathers the others in order.
    let total = 0;
    for (let lane = 0; lane < LANES; lane++) total += this.count[lane]!;
    this.reserve(0, total - this.count[0]!);
    const all = this.found[0]!;
    let at = this.count[0]!;
    for (let lane = 1; lane < LANES; lane++) {
      all.set(this.found[lane]!.subarray(0, this.count[lane]!), at);
      at += this.count[lane]!;
    }
    return all.subarray(0, total);
  }

  /**
   * Picks the lanes' segments: about a quarter each, each one starting just after a byte that
   * no digit run holds, so that a lane's run state is right from its segment's first byte (its
   * keyword state is, after `back` bytes of catch-up). False when no such byte is near.
   */
  private placeLanes(bytes: Uint8Array): boolean {
    const n = bytes.length;
    const own = this.own;
    const seg = Math.ceil(n / LANES);
    own[0] = 0;
    own[LANES] = n;
    for (let lane = 1; lane < LANES; lane++) {
      let at = lane * seg;
      if (this.runLength !== 0) {
        const limit = at + LANE_SHIFT_MAX;
        while (at < limit && inRuns(bytes[at - 1]!)) at++;
        if (at === limit) return false;
      }
      own[lane] = at;
    }
    return true;
  }

  /**
   * Four lanes over four segments: a serial automaton waits on each table load before the
   * next, four lanes overlap those loads (about 2x here). Lanes 1-3 first catch up over the
   * `back` bytes before their segments, without reporting (those hits are the lane before's).
   * Returns the last lane's end state.
   */
  private laned(bytes: Uint8Array): number {
    const own = this.own;
    for (let lane = 1; lane < LANES; lane++)
      this.lanes[lane] = this.catchUp(bytes, own[lane]! - this.back, own[lane]!);
    this.lanes[0] = 0;
    let common = own[1]!;
    for (let lane = 1; lane < LANES; lane++) common = Math.min(common, own[lane + 1]! - own[lane]!);
    this.interleave(bytes, common);
    let last = 0;
    for (let lane = 0; lane < LANES; lane++) {
      last = this.finish(bytes, lane, this.lanes[lane]!, own[lane]! + common, own[lane + 1]!);
    }
    return last;
  }

  /** The state after `bytes[start, to)` from the root, reporting nothing. */
  private catchUp(bytes: Uint8Array, start: number, to: number): number {
    const delta = this.delta;
    let state = 0;
    for (let i = start; i < to; i++) {
      state = delta[(state << 8) | bytes[i]!]!;
      if (state < 0) state = ~state;
    }
    return state;
  }

  /**
   * The four lanes in step for `common` bytes of their own segments, from the states in
   * `lanes`; leaves their states there. The loop has a function of its own that ends with it:
   * V8 compiles such a loop on stack replacement and keeps that code for later calls, and code
   * after the loop in it (never run when compiled) deoptimized on every call.
   */
  private interleave(bytes: Uint8Array, common: number): void {
    const delta = this.delta;
    const lanes = this.lanes;
    const at1 = this.own[1]!;
    const at2 = this.own[2]!;
    const at3 = this.own[3]!;
    let s0 = lanes[0]!;
    let s1 = lanes[1]!;
    let s2 = lanes[2]!;
    let s3 = lanes[3]!;
    for (let k = 0; k < common; k++) {
      s0 = delta[(s0 << 8) | bytes[k]!]!;
      s1 = delta[(s1 << 8) | bytes[at1 + k]!]!;
      s2 = delta[(s2 << 8) | bytes[at2 + k]!]!;
      s3 = delta[(s3 << 8) | bytes[at3 + k]!]!;
      if ((s0 | s1 | s2 | s3) < 0) {
        lanes[0] = s0;
        lanes[1] = s1;
        lanes[2] = s2;
        lanes[3] = s3;
        this.recordLanes(k);
        s0 = lanes[0]!;
        s1 = lanes[1]!;
        s2 = lanes[2]!;
        s3 = lanes[3]!;
      }
    }
    lanes[0] = s0;
    lanes[1] = s1;
    lanes[2] = s2;
    lanes[3] = s3;
  }

  /**
   * After step `k` of the interleaved loop: records and clears the lanes that hit something.
   * One call site for every lane: a site first reached after the loop was optimized would
   * deoptimize it.
   */
  private recordLanes(k: number): void {
    const lanes = this.lanes;
    for (let lane = 0; lane < LANES; lane++) {
      const state = lanes[lane]!;
      if (state < 0) lanes[lane] = this.record(lane, ~state, this.own[lane]! + k);
    }
  }

  /** Runs `lane` on alone over `bytes[start, to)` from `state`; returns the state it ends in. */
  private finish(bytes: Uint8Array, lane: number, state: number, start: number, to: number): number {
    const delta = this.delta;
    for (let i = start; i < to; i++) {
      state = delta[(state << 8) | bytes[i]!]!;
      if (state < 0) state = this.record(lane, ~state, i);
    }
    return state;
  }

  /** The plain serial pass (into lane 0); returns the state it ends in. */
  private serial(bytes: Uint8Array): number {
    const delta = this.delta;
    let state = 0;
    for (let i = 0, n = bytes.length; i < n; i++) {
      state = delta[(state << 8) | bytes[i]!]!;
      if (state < 0) state = this.record(0, ~state, i);
    }
    return state;
  }

  /** Appends to `lane` the `(keyword or RUN_END, position)` pairs `state` reports, reached at byte `i`; returns `state`. */
  private record(lane: number, state: number, i: number): number {
    const o = this.outputs[state]!;
    this.reserve(lane, o.length);
    const buf = this.found[lane]!;
    let c = this.count[lane]!;
    for (let j = 0; j < o.length; j += 2) {
      buf[c++] = o[j]!;
      buf[c++] = i + o[j + 1]!;
    }
    this.count[lane] = c;
    return state;
  }

  private push(lane: number, k: number, at: number): void {
    this.reserve(lane, 2);
    const c = this.count[lane]!;
    this.found[lane]![c] = k;
    this.found[lane]![c + 1] = at;
    this.count[lane] = c + 2;
  }

  /** Makes room for `more` entries in `lane`'s buffer. */
  private reserve(lane: number, more: number): void {
    const buf = this.found[lane]!;
    const need = this.count[lane]! + more;
    if (need <= buf.length) return;
    const grown = new Int32Array(Math.max(need, buf.length * 2));
    grown.set(buf.subarray(0, this.count[lane]!));
    this.found[lane] = grown;
  }
}
