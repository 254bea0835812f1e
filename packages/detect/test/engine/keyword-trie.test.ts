import { describe, expect, it } from 'vitest';
import { createRng as rng } from '../../eval/random.ts';
import { Allowlist } from '../../src/allowlist.ts';
import { detectors } from '../../src/detectors/index.ts';
import { runTracker } from '../../src/engine/digit-runs.ts';
import { Engine, QUIET_RUNS } from '../../src/engine/engine.ts';
import { KeywordAutomaton } from '../../src/engine/keyword-automaton.ts';
import { KeywordTrie } from '../../src/engine/keyword-trie.ts';

/** Text of keywords (in any case, cut short at times), digit runs, separators and UTF-8. */
function text(keywords: readonly string[], seed: number, length: number): Buffer {
  const r = rng(seed);
  const pieces = [
    ...'0123456789 .:-/()abXZ\n,=_"',
    '2026-11-14',
    '1762041234567',
    '4539 1488 0343 6467',
    'é',
    '€',
  ];
  let out = '';
  while (out.length < length) {
    const k = keywords[Math.floor(r() * keywords.length)]!;
    const roll = r();
    if (roll < 0.3) out += r() < 0.5 ? k.toUpperCase() : k;
    else if (roll < 0.4) out += k.slice(0, Math.max(1, k.length - 1));
    else out += pieces[Math.floor(r() * pieces.length)]!;
  }
  return Buffer.from(out, 'utf8');
}

describe('KeywordTrie', () => {
  it("reports the table's hits, in the table's order, for the whole built-in catalogue", () => {
    const engine = new Engine({ detectors, fingerprintKey: 'k', allowlist: new Allowlist() });
    const keywords = engine.automaton.keywords;
    const runs = runTracker(engine.automaton.runLength, QUIET_RUNS);
    const trie = new KeywordTrie(keywords, runs);
    let hits = 0;
    for (let seed = 1; seed <= 4; seed++) {
      // Past the trie's size limit, so the automaton scans with its table.
      const bytes = text(keywords, seed, 80_000);
      const table = new KeywordAutomaton(keywords, {
        runLength: engine.automaton.runLength,
        quietRuns: QUIET_RUNS,
      });
      const expected = Array.from(table.scan(bytes));
      expect(Array.from(trie.scan(bytes))).toEqual(expected);
      hits += expected.length / 2;
    }
    expect(hits).toBeGreaterThan(20_000);
  });

  it('is what a new automaton scans short texts with, until they add up to a megabyte', () => {
    const keywords = ['secret', 'cret', 'et', 'sec', '@'];
    const automaton = new KeywordAutomaton(keywords, { runLength: 7, quietRuns: QUIET_RUNS });
    const trie = new KeywordTrie(keywords, runTracker(7, QUIET_RUNS));
    for (let seed = 1; seed <= 40; seed++) {
      const bytes = text(keywords, seed, 40_000);
      expect(Array.from(automaton.scan(bytes))).toEqual(Array.from(trie.scan(bytes)));
    }
  });
});
