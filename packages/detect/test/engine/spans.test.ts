import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { email, emailValid } from '../../src/detectors/email.ts';
import { scanner } from '../support.ts';

const s = scanner({ detectors: [email], maxFindings: 1e6 });

/** What the email pattern and validator find scanning the whole text (with the 64 characters before, as the engine passes them). */
function wholeText(text: string): { start: number; value: string }[] {
  const re = new RegExp(email.pattern.source, 'g');
  const out: { start: number; value: string }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 64), m.index).toLowerCase();
    if (emailValid(m[0], { before })) out.push({ start: m.index, value: m[0] });
  }
  return out;
}

describe('span windows (the email detector)', () => {
  it('find what the pattern finds in the whole text, on dense and odd uses of @', () => {
    const r = createRng(5);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const parts = [
      'jane.roe@northwind-traders.com',
      'a@b.co',
      'x@y@z.io',
      'foo.@bar.com',
      '@handle',
      'user@host',
      'mail=ops-team+alerts@eu.mail.contoso.org;',
      `${'l'.repeat(70)}@fabrikam.net`,
      'http://bob:pw@internal.fabrikam.net/x',
      '@@',
      '.',
      '-',
      ' ',
      '\n',
      'lorem',
      'ipsum_dolor',
    ];
    // Long stretches without an @ keep the windows apart (below half the text, the engine
    // runs the pattern in windows rather than over the whole chunk).
    const filler = ' lorem ipsum dolor sit amet'.repeat(12);
    return (async () => {
      let total = 0;
      for (let t = 0; t < 6; t++) {
        let text = '';
        while (text.length < 300_000) text += r() < 0.2 ? filler : pick(parts);
        const expected = wholeText(text);
        s.resetStats();
        const result = await s.scanText(text, 'dense.txt');
        expect(s.stats.regexChars).toBeLessThan(text.length / 2);
        const found = result.findings.map((f) => f.location.byte_start);
        expect(found).toEqual(expected.map((e) => e.start));
        expect(result.findings.map((f) => f.location.byte_end - f.location.byte_start)).toEqual(
          expected.map((e) => e.value.length),
        );
        total += found.length;
      }
      expect(total).toBeGreaterThan(2000);
    })();
  });

  it('reach an address whose domain runs past a fixed window around the @', async () => {
    const address = `ops@${Array.from({ length: 7 }, (_, i) => `${'abcdefghij'[i]!.repeat(60)}`).join('.')}.com`;
    expect(address.length - address.indexOf('@')).toBeGreaterThan(400);
    const filler = 'lorem ipsum dolor sit amet '.repeat(400);
    const text = `${filler}contact: ${address} today ${filler}`;
    s.resetStats();
    const result = await s.scanText(text);
    expect(s.stats.regexChars).toBeLessThan(text.length / 2);
    const start = filler.length + 'contact: '.length;
    expect(result.findings.map((f) => [f.location.byte_start, f.location.byte_end])).toEqual([
      [start, start + address.length],
    ]);
  });
});
