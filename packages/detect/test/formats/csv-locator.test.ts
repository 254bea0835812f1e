import { describe, expect, it } from 'vitest';
import { CsvLocator } from '../../src/formats/csv-locator.ts';

/** Row and column at `to` by walking every character from the start (the reference). */
function walk(text: string, to: number): { row: number; column: number } {
  let row = 0;
  let column = 0;
  let quoted = false;
  for (let i = 0; i < to; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',') column++;
    else if (c === '\n') {
      row++;
      column = 0;
    }
  }
  return { row, column };
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

describe('CsvLocator', () => {
  it('agrees with a character walk at every stop, across quotes, line breaks and chunks', () => {
    const r = random(7);
    const alphabet = 'ab,,\n"x 1';
    const text = `id,name,"note, long"\n${Array.from({ length: 20_000 }, () => alphabet[Math.floor(r() * alphabet.length)]).join('')}`;
    const header = text.indexOf('\n') + 1;
    const locator = new CsvLocator(',');
    // Two chunks that overlap, as the engine hands them over: positions are chunk-relative.
    const split = 12_000;
    const chunks = [
      { start: 0, text: text.slice(0, split + 500) },
      { start: split, text: text.slice(split) },
    ];
    let at = 0;
    const checked: number[] = [];
    for (const chunk of chunks) {
      const end = chunk.start === 0 ? split : text.length;
      while (at < end) {
        const to = Math.min(end, at + 1 + Math.floor(r() * 300));
        locator.advance(chunk.text, at - chunk.start, to - chunk.start, chunk.start);
        at = to;
        if (at < header) continue;
        const { row, column } = walk(text, at);
        const info = locator.snapshot();
        expect({ at, row: info.row, column: info.column_index }).toEqual({ at, row, column });
        checked.push(at);
      }
    }
    expect(checked.length).toBeGreaterThan(100);
    expect(locator.snapshot().row).toBeGreaterThan(1000);
  });
});
