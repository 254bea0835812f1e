import { describe, expect, it } from 'vitest';
import { createRng as rng } from '../../eval/random.ts';
import {
  DATE_OR_TIME_AT,
  QUIET_RUNS,
  SHORT_STRUCTURAL_CANDIDATE,
  STRUCTURAL_CANDIDATE,
} from '../../src/engine/engine.ts';
import { KeywordAutomaton, RUN_END } from '../../src/engine/keyword-automaton.ts';

/** `d` any digit, `1` a one: the shape a quiet run has (the automaton's notation). */
function instance(shape: string, r: () => number): string {
  return [...shape].map((c) => (c === 'd' ? String(Math.floor(r() * 10)) : c)).join('');
}

/** Where the candidate regex's matches end, leaving out runs that are exactly a quiet shape. */
function expectedEnds(text: string, candidate: RegExp, quiet: readonly string[]): number[] {
  const quietRes = quiet.map((q) => new RegExp(`^${q.replaceAll('d', '[0-9]').replaceAll('.', '\\.')}$`));
  const re = new RegExp(candidate.source, 'g');
  const ends: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!quietRes.some((q) => q.test(m[0]))) ends.push(m.index + m[0].length);
  }
  return ends;
}

function runEnds(automaton: KeywordAutomaton, text: string): number[] {
  const hits = automaton.scan(Buffer.from(text, 'latin1'));
  const ends: number[] = [];
  for (let h = 0; h < hits.length; h += 2) if (hits[h] === RUN_END) ends.push(hits[h + 1]!);
  return ends;
}

/** Texts dense in digits, separators and timestamps, long enough for the four lanes. */
function texts(seed: number): string[] {
  const r = rng(seed);
  const pieces = [
    ...'0123456789 .:-/()ab\n,',
    '2026-11-14',
    '12:34:56.789',
    '1762041234567',
    '2026-11-14T12:34:56.789Z',
    '4539 1488 0343 6467',
    '+1 (415) 555-0100',
    '10.0.0.1',
    'x',
  ];
  const out: string[] = [];
  for (const length of [50, 3000, 20_000, 70_001]) {
    let text = '';
    while (text.length < length) text += pieces[Math.floor(r() * pieces.length)]!;
    out.push(text);
  }
  return out;
}

describe('digit runs found by the keyword automaton', () => {
  it('end exactly where STRUCTURAL_CANDIDATE matches do, but for the quiet shapes', () => {
    const automaton = new KeywordAutomaton(['secret', '@', '-----begin'], {
      runLength: 7,
      quietRuns: QUIET_RUNS,
    });
    let runs = 0;
    for (let seed = 1; seed <= 12; seed++) {
      for (const text of texts(seed)) {
        const expected = expectedEnds(text, STRUCTURAL_CANDIDATE, QUIET_RUNS);
        expect(runEnds(automaton, text)).toEqual(expected);
        runs += expected.length;
      }
    }
    expect(runs).toBeGreaterThan(10_000);
  });

  it('follow SHORT_STRUCTURAL_CANDIDATE, and every run when no shape is quiet', () => {
    const short = new KeywordAutomaton(['pwd'], { runLength: 6, quietRuns: QUIET_RUNS });
    const loud = new KeywordAutomaton(['pwd'], { runLength: 7 });
    for (const text of texts(99)) {
      expect(runEnds(short, text)).toEqual(expectedEnds(text, SHORT_STRUCTURAL_CANDIDATE, QUIET_RUNS));
      expect(runEnds(loud, text)).toEqual(expectedEnds(text, STRUCTURAL_CANDIDATE, []));
    }
  });

  it('stay whole across lane splits and when no split can be placed', () => {
    const automaton = new KeywordAutomaton(['akia'], { runLength: 7, quietRuns: QUIET_RUNS });
    // One run over the whole text (no byte outside runs to start a lane after), one run
    // across every nominal split, and runs ending at the text's last byte.
    const n = 100_000;
    const allDigits = '7'.repeat(n);
    expect(runEnds(automaton, allDigits)).toEqual([n]);
    const spaced = `1${' '.repeat(n - 2)}x`;
    expect(runEnds(automaton, spaced)).toEqual([n - 1]);
    const seg = Math.ceil(n / 4);
    const chars = [...'ab'.repeat(n / 2)];
    for (const split of [seg, 2 * seg, 3 * seg])
      for (let j = -700; j < 700; j++) chars[split + j] = String(j & 7);
    for (let j = n - 9; j < n; j++) chars[j] = '5';
    const crossing = chars.join('');
    expect(runEnds(automaton, crossing)).toEqual(expectedEnds(crossing, STRUCTURAL_CANDIDATE, QUIET_RUNS));
    expect(runEnds(automaton, crossing)).toHaveLength(4);
  });

  it('leave out only runs the engine would skip as a date or time anyway', () => {
    const r = rng(7);
    for (const shape of QUIET_RUNS) {
      for (let k = 0; k < 200; k++) {
        const text = `${instance(shape, r)}x`;
        DATE_OR_TIME_AT.lastIndex = 0;
        expect({ text, skipped: DATE_OR_TIME_AT.test(text) }).toEqual({ text, skipped: true });
      }
    }
  });

  it('refuses a quiet shape it cannot follow', () => {
    expect(() => new KeywordAutomaton([], { runLength: 7, quietRuns: ['-dd'] })).toThrow(/quiet run shape/);
    expect(() => new KeywordAutomaton([], { runLength: 1 })).toThrow(/runLength/);
  });
});
