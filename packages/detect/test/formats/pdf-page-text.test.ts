import { describe, expect, it } from 'vitest';
import { pageText } from '../../src/formats/pdf-page-text.ts';

/** A text item as pdf.js gives it: 6 units per character at (x, y). */
const item = (str: string, x: number, y: number, hasEOL = false) => ({
  str,
  hasEOL,
  transform: [1, 0, 0, 1, x, y],
  width: str.length * 6,
});

/** Lines of a left-aligned column starting at x, 14 units apart; each line's pieces run on. */
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

/** A paragraph of prose 80 characters wide: the page's right margin at x = 537. */
const PROSE = [
  ['Copy the environment below onto the build host before you run the deploy script,'],
  ['then check that every value is current; the values rotate every quarter. OK'],
];

describe('pageText', () => {
  it('runs a wrapped line into the next, so a key finds its value there', () => {
    const text = pageText(
      column([
        ['The deploy job printed the matching aws_secret_access_key ='],
        ['NOYEEIlE', 'b4plWSO0q4+bPN6nGxzj7RQJQelQiDvP which must be rotated.'],
      ]),
    );
    expect(text).toBe(
      'The deploy job printed the matching aws_secret_access_key = NOYEEIlEb4plWSO0q4+bPN6nGxzj7RQJQelQiDvP which must be rotated.',
    );
  });

  it('keeps a line break where the next word would have fitted (a paragraph or list ends)', () => {
    const text = pageText(column([['password: hunter2-but-longer'], ['user: maria'], ['host: db.internal']]));
    expect(text).toBe('password: hunter2-but-longer\nuser: maria\nhost: db.internal');
  });

  it('joins a token longer than the line, broken at the margin, without a space', () => {
    const token = `sk_live_${'a1B2c3D4'.repeat(12)}`;
    const text = pageText(
      column([...PROSE, ['Live key'], [token.slice(0, 79)], [token.slice(79)], ['Done.']]),
    );
    // The token did not fit after "Live key" either: that line wrapped too.
    expect(text).toBe(`${PROSE[0]![0]} ${PROSE[1]![0]}\nLive key ${token}\nDone.`);
  });

  it('keeps the lines of a code block, and a token drawn past the margin, as lines', () => {
    const code = [
      ['DB_USER=deploy'],
      ['AWS_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2'],
      ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'],
    ];
    const clipped = `ghp_${'x9Y8'.repeat(30)}`;
    const text = pageText([
      ...column(PROSE),
      ...column(code, 63).map((i) => ({
        ...i,
        transform: [1, 0, 0, 1, i.transform[4]!, i.transform[5]! - 40],
      })),
      ...column([[clipped], ['of the shop.']]).map((i) => ({
        ...i,
        transform: [1, 0, 0, 1, i.transform[4]!, i.transform[5]! - 100],
      })),
    ]);
    expect(text.split('\n').slice(1)).toEqual([...code.map((c) => c[0]), clipped, 'of the shop.']);
  });

  it('does not join a column of tokens of one length (a table of keys)', () => {
    const keys = ['AKIAQYLPMN5HHHFPZAM2', 'AKIAZ3MXQ7T2WLRSYB4N', 'AKIAH6DKE2PQ4VNWJ7TC'];
    expect(
      pageText(
        column(
          keys.map((k) => [k]),
          300,
        ),
      ),
    ).toBe(keys.join('\n'));
    expect(
      pageText(
        column(
          keys.map((k) => [k]),
          57,
        ),
      ),
    ).toBe(keys.join('\n'));
  });

  it('leaves lines of another column, or without positions, as lines', () => {
    const left = item('Left column text that runs on and on to the right edge of it', 57, 800);
    const right = item('Right', 320, 786);
    expect(pageText([left, right])).toBe(`${left.str}\nRight`);
    expect(pageText([{ str: 'a', hasEOL: true }, { str: 'b' }])).toBe('a\nb');
  });
});
