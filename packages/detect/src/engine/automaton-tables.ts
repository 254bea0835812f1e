import { RUN_ENDED, type RunTracker } from './digit-runs.ts';
import { RUN_END } from './keyword-trie.ts';

/** The keyword automaton's compiled tables (see `KeywordAutomaton`). */
export interface Tables {
  delta: Int32Array;
  outputs: Int32Array[];
  /** 1 for states in a run that is reported if the text ends there. */
  endsRun: Uint8Array;
  back: number;
}

/**
 * Classes of bytes: two bytes share one when every run state and the keyword trie treat them
 * alike (the same symbol of a keyword, ASCII case folded, and the same run transitions).
 */
function byteClasses(keywords: readonly string[], runs: RunTracker): { classOf: Uint8Array; count: number } {
  const symbols = new Uint8Array(256);
  for (const keyword of keywords)
    for (const byte of Buffer.from(keyword.toLowerCase(), 'utf8')) symbols[byte] = 1;
  const classOf = new Uint8Array(256);
  const ids = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const folded = byte >= 65 && byte <= 90 ? byte + 32 : byte;
    let key = symbols[folded] === 1 ? `${folded}` : '-';
    for (let r = 0; r < runs.states; r++) key += `,${runs.next[r * 256 + byte]}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    classOf[byte] = id;
  }
  return { classOf, count: ids.size };
}

/**
 * Builds the product of the keyword trie (with failure links) and the run tracker. It is built
 * over byte classes (64 for the built-in catalogue instead of 256 bytes: a quarter of the work
 * at start-up) and spread to one entry per byte at the end.
 */
export function compileTables(keywords: readonly string[], runs: RunTracker): Tables {
  const { classOf, count } = byteClasses(keywords, runs);
  // One byte of each class stands for it in the run tracker's table.
  const sample = new Int32Array(count);
  for (let byte = 255; byte >= 0; byte--) sample[classOf[byte]!] = byte;
  const gotoRows: Int32Array[] = [new Int32Array(count).fill(-1)];
  const outs: number[][] = [[]];
  const lengths: number[] = [];
  keywords.forEach((keyword, index) => {
    const bytes = Buffer.from(keyword.toLowerCase(), 'utf8');
    lengths.push(bytes.length);
    let state = 0;
    for (const byte of bytes) {
      const row = gotoRows[state]!;
      const c = classOf[byte]!;
      if (row[c] === -1) {
        row[c] = gotoRows.length;
        gotoRows.push(new Int32Array(count).fill(-1));
        outs.push([]);
      }
      state = row[c]!;
    }
    if (bytes.length > 0) outs[state]!.push(index);
  });
  const fail = new Int32Array(gotoRows.length);
  const queue: number[] = [];
  const root = gotoRows[0]!;
  for (let c = 0; c < count; c++) {
    const next = root[c]!;
    if (next === -1) root[c] = 0;
    else queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = gotoRows[state]!;
    const failRow = gotoRows[fail[state]!]!;
    for (let c = 0; c < count; c++) {
      const next = row[c]!;
      if (next === -1) row[c] = failRow[c]!;
      else {
        fail[next] = failRow[c]!;
        outs[next] = outs[next]!.concat(outs[fail[next]!]!);
        queue.push(next);
      }
    }
  }

  // The product states reachable from (root, no run), numbered as found: few keyword states
  // are reached inside a digit run (keywords are mostly letters), so the table stays small.
  const R = runs.states;
  const ids = new Map<number, number>();
  const keywordState: number[] = [];
  const runState: number[] = [];
  const idOf = (ac: number, r: number): number => {
    const key = ac * R + r;
    let id = ids.get(key);
    if (id === undefined) {
      id = keywordState.length;
      ids.set(key, id);
      keywordState.push(ac);
      runState.push(r);
    }
    return id;
  };
  idOf(0, 0);
  const rows: Int32Array[] = [];
  for (let id = 0; id < keywordState.length; id++) {
    const acRow = gotoRows[keywordState[id]!]!;
    const r = runState[id]!;
    const row = new Int32Array(count);
    for (let c = 0; c < count; c++) row[c] = idOf(acRow[c]!, runs.next[r * 256 + sample[c]!]!);
    rows.push(row);
  }
  const states = rows.length;
  const none = new Int32Array(0);
  const outputs: Int32Array[] = [];
  const endsRun = new Uint8Array(states);
  for (let id = 0; id < states; id++) {
    const pairs: number[] = [];
    if (runState[id] === RUN_ENDED) pairs.push(RUN_END, 0);
    for (const k of outs[keywordState[id]!]!) pairs.push(k, 1 - lengths[k]!);
    outputs.push(pairs.length === 0 ? none : Int32Array.from(pairs));
    endsRun[id] = runs.reportsAtEnd[runState[id]!]!;
  }
  // The scan indexes by byte, not by class: one load less a byte in the hot loop (measured
  // 30 % faster than a class lookup per byte), at four times the table.
  const delta = new Int32Array(states * 256);
  const entry = new Int32Array(count);
  rows.forEach((row, id) => {
    for (let c = 0; c < count; c++) {
      const target = row[c]!;
      entry[c] = outputs[target]!.length > 0 ? ~target : target;
    }
    const base = id * 256;
    for (let byte = 0; byte < 256; byte++) delta[base + byte] = entry[classOf[byte]!]!;
  });
  const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
  // Lanes start after a byte no run holds, so only the keyword state needs catching up.
  return { delta, outputs, endsRun, back: Math.max(0, longest - 1) };
}
