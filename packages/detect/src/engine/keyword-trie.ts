import { RUN_ENDED, type RunTracker } from './digit-runs.ts';

/** The "keyword" index of a digit-run end in a scan's output; its position is the run's end. */
export const RUN_END = -1;

/**
 * The keyword trie with failure links, walked byte by byte beside the run tracker: the same
 * hits as the `KeywordAutomaton`'s table, in the same order, for a start-up cost of
 * milliseconds instead of the table's hundred (a CLI run over a few small files never needs
 * the table). Children live in one map keyed `node * 256 + byte`, keywords lower-cased, ASCII
 * letters folded on the way in.
 */
export class KeywordTrie {
  private readonly children = new Map<number, number>();
  private readonly fail: Int32Array;
  /** Per node, the `(keyword, 1 - length)` pairs that end there, its own first, then its suffixes'. */
  private readonly outputs: (readonly number[])[];
  private found = new Int32Array(16);

  constructor(
    keywords: readonly string[],
    private readonly runs: RunTracker,
  ) {
    const outs: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      const bytes = Buffer.from(keyword.toLowerCase(), 'utf8');
      if (bytes.length === 0) return;
      let node = 0;
      for (const byte of bytes) {
        const key = node * 256 + byte;
        let next = this.children.get(key);
        if (next === undefined) {
          next = outs.length;
          this.children.set(key, next);
          outs.push([]);
        }
        node = next;
      }
      outs[node]!.push(index, 1 - bytes.length);
    });
    const nodes = outs.length;
    const fail = new Int32Array(nodes);
    const byDepth: number[][] = Array.from({ length: nodes }, () => []);
    for (const [key, child] of this.children) byDepth[Math.floor(key / 256)]!.push(key % 256, child);
    // Breadth first from the root: a node's failure link is set before its children's.
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const edges = byDepth[node]!;
      for (let e = 0; e < edges.length; e += 2) {
        const byte = edges[e]!;
        const child = edges[e + 1]!;
        fail[child] = node === 0 ? 0 : this.step(fail, fail[node]!, byte);
        outs[child] = outs[child]!.concat(outs[fail[child]!]!);
        queue.push(child);
      }
    }
    this.fail = fail;
    this.outputs = outs;
  }

  /** The node after `byte` (already folded) from `node`. */
  private step(fail: Int32Array, node: number, byte: number): number {
    for (;;) {
      const next = this.children.get(node * 256 + byte);
      if (next !== undefined) return next;
      if (node === 0) return 0;
      node = fail[node]!;
    }
  }

  /** Hits in `bytes`, as `KeywordAutomaton.scan` returns them. The array is reused by the next call. */
  scan(bytes: Uint8Array): Int32Array {
    const { next, reportsAtEnd } = this.runs;
    const fail = this.fail;
    let count = 0;
    let node = 0;
    let run = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      run = next[run * 256 + byte]!;
      if (run === RUN_ENDED) count = this.push(count, RUN_END, i);
      node = this.step(fail, node, byte >= 65 && byte <= 90 ? byte + 32 : byte);
      const o = this.outputs[node]!;
      for (let j = 0; j < o.length; j += 2) count = this.push(count, o[j]!, i + o[j + 1]!);
    }
    if (reportsAtEnd[run] === 1) count = this.push(count, RUN_END, bytes.length);
    return this.found.subarray(0, count);
  }

  private push(count: number, k: number, at: number): number {
    if (count + 2 > this.found.length) {
      const grown = new Int32Array(this.found.length * 2);
      grown.set(this.found);
      this.found = grown;
    }
    this.found[count] = k;
    this.found[count + 1] = at;
    return count + 2;
  }
}
