import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../src/engine/keyword-automaton.ts';

const KEYWORDS = ['akia', 'secret', 'secret_access_key', 'sk-', '@', 'data-scanner:ignore', 'pwd'];

/** Every occurrence by plain search, ordered as one left-to-right pass reports them. */
function naive(text: string, keywords: readonly string[]): number[] {
  const lower = text.toLowerCase();
  const hits: [number, number, number][] = [];
  keywords.forEach((k, index) => {
    for (let at = lower.indexOf(k); at !== -1; at = lower.indexOf(k, at + 1))
      hits.push([at + k.length, -k.length, index]);
  });
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return hits.flatMap(([end, negLength, index]) => [index, end + negLength]);
}

function scan(text: string): number[] {
  return Array.from(new KeywordAutomaton(KEYWORDS).scan(Buffer.from(text, 'latin1')));
}

describe('KeywordAutomaton', () => {
  it('finds overlapping keywords in any case, longest first at the same end', () => {
    const text = 'x SECRET_ACCESS_KEY=1 AkIa pwd@sk-';
    expect(scan(text)).toEqual(naive(text, KEYWORDS));
    expect(scan(text).length / 2).toBe(6);
  });

  it('reports the same hits, in the same order, when the chunk is scanned in lanes', () => {
    const n = 200_003;
    const filler = 'ab cd-ef_gh '.repeat(Math.ceil(n / 12)).slice(0, n);
    // Without digit runs tracked the lanes split at multiples of ceil(n / 4): put a keyword
    // across every split, at every offset, plus one in the lane's catch-up zone and one at the
    // very end.
    const seg = Math.ceil(n / 4);
    let texts = 0;
    for (const keyword of ['data-scanner:IGNORE', 'Secret_Access_Key', 'AKIA', '@', 'sk-']) {
      for (let offset = 0; offset < keyword.length; offset++) {
        const chars = [...filler];
        for (const boundary of [seg, 2 * seg, 3 * seg]) {
          for (const at of [boundary - offset, boundary - 40]) {
            for (let j = 0; j < keyword.length; j++) chars[at + j] = keyword[j]!;
          }
        }
        chars.splice(n - 3, 3, 'p', 'w', 'd');
        const text = chars.join('');
        const expected = naive(text, KEYWORDS);
        expect(expected.length / 2).toBeGreaterThanOrEqual(7);
        expect(scan(text)).toEqual(expected);
        texts++;
      }
    }
    expect(texts).toBe(44);
  });
});
