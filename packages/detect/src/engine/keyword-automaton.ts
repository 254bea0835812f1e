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
    for (let i = 0; i < this.delta.length; i++) {
      const target = this.delta[i]!;
      if (outs[target]!.length > 0) this.delta[i] = ~target;
    }
  }

  /**
   * Calls `onHit(keywordIndex, startByte)` for every occurrence in `bytes`. Returns the number
   * of hits.
   */
  scan(bytes: Uint8Array, onHit: (keyword: number, start: number) => void): number {
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
