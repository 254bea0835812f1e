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
   * Calls `onHit(keywordIndex, startByte)` for every occurrence in `bytes`, in the order a
   * single left-to-right pass finds them. Returns the number of hits.
   */
  scan(bytes: Uint8Array, onHit: (keyword: number, start: number) => void): number {
    const n = bytes.length;
    if (n < LANES * LANE_MIN_BYTES || this.longest > LANE_MIN_BYTES) return this.serial(bytes, onHit);
    // A serial automaton waits on each table load before the next; four lanes over four
    // segments overlap those loads (about 2.3x here). Each lane starts `longest - 1` bytes
    // before its segment, so from the segment's first byte on its state equals a whole-text
    // pass (no keyword is longer), and it reports only hits ending inside its own segment.
    const delta = this.delta;
    const back = Math.max(0, this.longest - 1);
    const seg = Math.ceil(n / LANES);
    const from1 = seg - back;
    const from2 = 2 * seg - back;
    const from3 = 3 * seg - back;
    const steps = seg + back;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const found: number[][] = [[], [], [], []];
    const common = Math.min(seg, n - from3);
    let k = 0;
    for (; k < common; k++) {
      s0 = delta[(s0 << 8) | bytes[k]!]!;
      s1 = delta[(s1 << 8) | bytes[from1 + k]!]!;
      s2 = delta[(s2 << 8) | bytes[from2 + k]!]!;
      s3 = delta[(s3 << 8) | bytes[from3 + k]!]!;
      if ((s0 | s1 | s2 | s3) < 0) {
        if (s0 < 0) s0 = this.record(~s0, k, 0, found[0]!);
        if (s1 < 0) s1 = this.record(~s1, from1 + k, seg, found[1]!);
        if (s2 < 0) s2 = this.record(~s2, from2 + k, 2 * seg, found[2]!);
        if (s3 < 0) s3 = this.record(~s3, from3 + k, 3 * seg, found[3]!);
      }
    }
    // Lanes 1-3 run `back` bytes longer than lane 0; lane 3 stops at the end of the text.
    for (; k < steps; k++) {
      if (k < seg) {
        s0 = delta[(s0 << 8) | bytes[k]!]!;
        if (s0 < 0) s0 = this.record(~s0, k, 0, found[0]!);
      }
      s1 = delta[(s1 << 8) | bytes[from1 + k]!]!;
      if (s1 < 0) s1 = this.record(~s1, from1 + k, seg, found[1]!);
      s2 = delta[(s2 << 8) | bytes[from2 + k]!]!;
      if (s2 < 0) s2 = this.record(~s2, from2 + k, 2 * seg, found[2]!);
      if (from3 + k < n) {
        s3 = delta[(s3 << 8) | bytes[from3 + k]!]!;
        if (s3 < 0) s3 = this.record(~s3, from3 + k, 3 * seg, found[3]!);
      }
    }
    let hits = 0;
    for (const lane of found) {
      for (let h = 0; h < lane.length; h += 2) onHit(lane[h]!, lane[h + 1]!);
      hits += lane.length / 2;
    }
    return hits;
  }

  /** Appends `(keyword, start)` pairs for the outputs of `state` reached at byte `i`, if `i >= from`; returns the state. */
  private record(state: number, i: number, from: number, out: number[]): number {
    if (i >= from) {
      for (const k of this.outputs[state]!) out.push(k, i + 1 - this.lengths[k]!);
    }
    return state;
  }

  /** The plain serial pass. */
  private serial(bytes: Uint8Array, onHit: (keyword: number, start: number) => void): number {
    const delta = this.delta;
    let state = 0;
    let hits = 0;
    for (let i = 0, n = bytes.length; i < n; i++) {
      state = delta[(state << 8) | bytes[i]!]!;
      if (state < 0) {
        state = ~state;
        for (const k of this.outputs[state]!) {
          onHit(k, i + 1 - this.lengths[k]!);
          hits++;
        }
      }
    }
    return hits;
  }
}
