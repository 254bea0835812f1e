/** Interleaved passes over one chunk (see `scan`). */
const LANES = 4;
/** Below this many bytes per lane, the serial pass is used. */
const LANE_MIN_BYTES = 4096;

/**
 * Aho-Corasick automaton over UTF-8 bytes, ASCII case-insensitive. One pass over a chunk finds
 * every keyword occurrence, so prefilter cost grows with the text and the hits, not with the
 * number of detectors. The transition table is a flat Int32Array (state * 256 + byte).
 */
export class KeywordAutomaton {
  readonly keywords: readonly string[];
  private readonly delta: Int32Array;
  /** For each state, the keyword indexes that end there (including via failure links). Transitions into such a state are stored as `~state`, so the hot loop tests the sign only. */
  private readonly outputs: (readonly number[])[];
  /** Length in bytes of each keyword. */
  private readonly lengths: Int32Array;
  /** Length in bytes of the longest keyword. */
  private readonly longest: number;
  /** Scratch of `scan`: lane states while a hit is recorded. */
  private readonly lanes = new Int32Array(LANES);
  /** Scratch of `scan`: the lane states where the interleaved loop stopped. */
  private readonly ends = { s0: 0, s1: 0, s2: 0, s3: 0 };
  /** Scratch of `scan`: each lane's hits. */
  private readonly found: number[][] = Array.from({ length: LANES }, () => []);

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const gotoRows: Int32Array[] = [new Int32Array(256).fill(-1)];
    const outs: number[][] = [[]];
    this.lengths = new Int32Array(keywords.length);
    keywords.forEach((keyword, index) => {
      const bytes = Buffer.from(keyword.toLowerCase(), 'utf8');
      this.lengths[index] = bytes.length;
      let state = 0;
      for (const byte of bytes) {
        const row = gotoRows[state]!;
        if (row[byte] === -1) {
          row[byte] = gotoRows.length;
          gotoRows.push(new Int32Array(256).fill(-1));
          outs.push([]);
        }
        state = row[byte]!;
      }
      if (bytes.length > 0) outs[state]!.push(index);
    });
    const fail = new Int32Array(gotoRows.length);
    const queue: number[] = [];
    const root = gotoRows[0]!;
    for (let c = 0; c < 256; c++) {
      const next = root[c]!;
      if (next === -1) root[c] = 0;
      else queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const row = gotoRows[state]!;
      const failRow = gotoRows[fail[state]!]!;
      for (let c = 0; c < 256; c++) {
        const next = row[c]!;
        if (next === -1) row[c] = failRow[c]!;
        else {
          fail[next] = failRow[c]!;
          outs[next] = outs[next]!.concat(outs[fail[next]!]!);
          queue.push(next);
        }
      }
    }
    for (const row of gotoRows) for (let c = 65; c <= 90; c++) row[c] = row[c + 32]!;
    this.delta = new Int32Array(gotoRows.length * 256);
    gotoRows.forEach((row, i) => {
      this.delta.set(row, i * 256);
    });
    this.outputs = outs;
    this.longest = this.lengths.reduce((a, b) => Math.max(a, b), 0);
    for (let i = 0; i < this.delta.length; i++) {
      const target = this.delta[i]!;
      if (outs[target]!.length > 0) this.delta[i] = ~target;
    }
  }

  /**
   * Appends `keywordIndex, startByte` to `out` for every occurrence in `bytes`, in the order a
   * single left-to-right pass finds them (by end, then longest first).
   */
  scan(bytes: Uint8Array, out: number[]): void {
    const n = bytes.length;
    if (n < LANES * LANE_MIN_BYTES || this.longest > LANE_MIN_BYTES) {
      this.serial(bytes, out);
      return;
    }
    // A serial automaton waits on each table load before the next; four lanes over four
    // segments overlap those loads (about 2x here). Each lane starts `longest - 1` bytes before
    // its segment, so from the segment's first byte on its state equals a whole-text pass (no
    // keyword is longer), and it reports only hits ending inside its own segment.
    const back = Math.max(0, this.longest - 1);
    const seg = Math.ceil(n / LANES);
    const found = this.found;
    for (const lane of found) lane.length = 0;
    const k = this.interleave(bytes, seg, back);
    // The rest, lane by lane: lanes 1-3 run `back` bytes longer than lane 0, lane 3 stops at the
    // text's end.
    const ends = this.ends;
    this.finish(bytes, ends.s0, k, seg, 0, found[0]!);
    this.finish(bytes, ends.s1, seg - back + k, 2 * seg, seg, found[1]!);
    this.finish(bytes, ends.s2, 2 * seg - back + k, 3 * seg, 2 * seg, found[2]!);
    this.finish(bytes, ends.s3, 3 * seg - back + k, n, 3 * seg, found[3]!);
    for (const lane of found) for (let h = 0; h < lane.length; h++) out.push(lane[h]!);
  }

  /**
   * The four lanes in step while all have bytes left; returns the steps taken and leaves the
   * states in `ends`. The loop has a function of its own that ends with it: V8 compiles such
   * a loop on stack replacement and keeps that code for later calls, and code after the loop
   * in it (never run when compiled) deoptimized on every call.
   */
  private interleave(bytes: Uint8Array, seg: number, back: number): number {
    const delta = this.delta;
    const lanes = this.lanes;
    const from1 = seg - back;
    const from2 = 2 * seg - back;
    const from3 = 3 * seg - back;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const common = Math.min(seg, bytes.length - from3);
    for (let k = 0; k < common; k++) {
      s0 = delta[(s0 << 8) | bytes[k]!]!;
      s1 = delta[(s1 << 8) | bytes[from1 + k]!]!;
      s2 = delta[(s2 << 8) | bytes[from2 + k]!]!;
      s3 = delta[(s3 << 8) | bytes[from3 + k]!]!;
      if ((s0 | s1 | s2 | s3) < 0) {
        lanes[0] = s0;
        lanes[1] = s1;
        lanes[2] = s2;
        lanes[3] = s3;
        this.recordLanes(k, seg, back);
        s0 = lanes[0]!;
        s1 = lanes[1]!;
        s2 = lanes[2]!;
        s3 = lanes[3]!;
      }
    }
    const ends = this.ends;
    ends.s0 = s0;
    ends.s1 = s1;
    ends.s2 = s2;
    ends.s3 = s3;
    return common;
  }

  /** Runs one lane on alone over `bytes[from, to)` from `state`, recording hits from `own` on. */
  private finish(
    bytes: Uint8Array,
    state: number,
    from: number,
    to: number,
    own: number,
    out: number[],
  ): void {
    const delta = this.delta;
    for (let i = from; i < to; i++) {
      state = delta[(state << 8) | bytes[i]!]!;
      if (state < 0) {
        state = ~state;
        if (i >= own) this.record(state, i, out);
      }
    }
  }

  /** After step `k` of the interleaved loop: records and clears the lanes that hit a keyword. */
  private recordLanes(k: number, seg: number, back: number): void {
    const lanes = this.lanes;
    for (let lane = 0; lane < LANES; lane++) {
      const state = lanes[lane]!;
      if (state >= 0) continue;
      lanes[lane] = ~state;
      // Lanes 1-3 spend their first `back` steps catching up; hits there belong to the lane before.
      if (lane === 0) this.record(~state, k, this.found[0]!);
      else if (k >= back) this.record(~state, lane * seg - back + k, this.found[lane]!);
    }
  }

  /** Appends `(keyword, start)` for the outputs of `state`, reached at byte `i`. */
  private record(state: number, i: number, out: number[]): void {
    for (const k of this.outputs[state]!) out.push(k, i + 1 - this.lengths[k]!);
  }

  /** The plain serial pass. */
  private serial(bytes: Uint8Array, out: number[]): void {
    const delta = this.delta;
    let state = 0;
    for (let i = 0, n = bytes.length; i < n; i++) {
      state = delta[(state << 8) | bytes[i]!]!;
      if (state < 0) {
        state = ~state;
        this.record(state, i, out);
      }
    }
  }
}
