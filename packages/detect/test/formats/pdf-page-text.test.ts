import { describe, expect, it } from 'vitest';
import { pageText } from '../../src/formats/pdf-page-text.ts';

const VIEW = [0, 0, 595, 842];
/** A text item as pdf.js gives it: 6 units per character at (x, y). */
const item = (str: string, x: number, y: number, hasEOL = false) => ({
  str,
  hasEOL,
  transform: [1, 0, 0, 1, x, y],
  width: str.length * 6,
});

/** Lines of a left-aligned column starting at x = 57, 14 units apart. */
function column(lines: string[][], x = 57): ReturnType<typeof item>[] {
  const out: ReturnType<typeof item>[] = [];
  lines.forEach((pieces, i) => {
    let at = x;
    for (const p of pieces) {
      out.push(item(p, at, 800 - 14 * i));
      at += p.length * 6;
    }
    out.push(item('', x, 800 - 14 * (i + 1), true));
  });
  return out;
}

describe('pageText', () => {
  it('runs a wrapped line into the next, so a key finds its value there', () => {
    const text = pageText(
      column([
        ['The deploy job printed the matching aws_secret_access_key ='],
        ['NOYEEIlE', 'b4plWSO0q4+bPN6nGxzj7RQJQelQiDvP which must be rotated.'],
      ]),
      VIEW,
    );
    expect(text).toBe(
      'The deploy job printed the matching aws_secret_access_key = NOYEEIlEb4plWSO0q4+bPN6nGxzj7RQJQelQiDvP which must be rotated.',
    );
  });

  it('keeps a line break where the next word would have fitted (a paragraph or list ends)', () => {
    const text = pageText(
      column([['password: hunter2-but-longer'], ['user: maria'], ['host: db.internal']]),
      VIEW,
    );
    expect(text).toBe('password: hunter2-but-longer\nuser: maria\nhost: db.internal');
  });

  it('joins a token longer than the line, broken by the layout, without a space', () => {
    // The token did not fit after "Live key" either: that line wrapped too.
    const token = `sk_live_${'a1B2c3D4'.repeat(12)}`;
    const first = token.slice(0, 79);
    const text = pageText(column([['Live key'], [first], [token.slice(79)], ['Next paragraph.']]), VIEW);
    expect(text).toBe(`Live key ${token}\nNext paragraph.`);
  });

  it('does not join a column of tokens of one length (a table of keys)', () => {
    const keys = ['AKIAQYLPMN5HHHFPZAM2', 'AKIAZ3MXQ7T2WLRSYB4N', 'AKIAH6DKE2PQ4VNWJ7TC'];
    expect(
      pageText(
        column(
          keys.map((k) => [k]),
          300,
        ),
        VIEW,
      ),
    ).toBe(keys.join('\n'));
    expect(
      pageText(
        column(
          keys.map((k) => [k]),
          57,
        ),
        VIEW,
      ),
    ).toBe(keys.join('\n'));
  });

  it('leaves lines of another column, or without positions, as lines', () => {
    const left = item('Left column text that runs on and on to the right edge of it', 57, 800);
    const right = item('Right', 320, 786);
    expect(pageText([left, right], VIEW)).toBe(`${left.str}\nRight`);
    expect(pageText([{ str: 'a', hasEOL: true }, { str: 'b' }], VIEW)).toBe('a\nb');
  });
});
