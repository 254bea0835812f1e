import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { email } from '../../src/detectors/email.ts';
import { urlCredentials } from '../../src/detectors/url-credentials.ts';
import type { Detector } from '../../src/index.ts';
import { scanner } from '../support.ts';

/**
 * What a detector's pattern and validator find scanning the whole text, as byte ranges of the
 * value (with the 64 characters around it as context, as the engine passes them).
 */
function wholeText(detector: Detector, text: string): [number, number][] {
  const re = new RegExp(detector.pattern.source, 'g');
  const out: [number, number][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = m[detector.valueGroup ?? 0]!;
    const start = m.index + m[0].indexOf(value);
    const before = text.slice(Math.max(0, start - 64), start).toLowerCase();
    const after = text.slice(start + value.length, start + value.length + 64).toLowerCase();
    if (detector.validate && !detector.validate(value, { before, after })) continue;
    const byteStart = Buffer.byteLength(text.slice(0, start));
    out.push([byteStart, byteStart + Buffer.byteLength(value)]);
  }
  return out;
}

const cases: [Detector, string[]][] = [
  [
    email,
    [
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
    ],
  ],
  [
    urlCredentials,
    [
      'postgres://admin:S3cr3tPassw0rd@db.internal:5432/app',
      'https://api.contoso.com/v1/items?id=42',
      'redis://:pässwörd-ünïcode@cache.contoso.net',
      'mongodb+srv://svc:Xk9#mQ2$vL7pR4tZ@cluster0.contoso.net',
      'ftp://user:pa\u00a0ss@host.contoso.com',
      `amqp://guest:${'p'.repeat(140)}@mq.contoso.com`,
      `db://${'u'.repeat(60)}:${'Q7'.repeat(60)}@${'h'.repeat(200)}.contoso.com`,
      'x://u:pw@h',
      '://',
      'http:/',
      ':@',
    ],
  ],
];

describe.each(cases.map(([d, parts]) => [d.id, d, parts] as const))(
  'span windows of %s',
  (_, detector, parts) => {
    const s = scanner({ detectors: [detector], limits: { aggregateThreshold: 1e6 } });

    it('find what the pattern finds in the whole text, on dense and odd uses of the keyword', async () => {
      const r = createRng(5);
      const pieces = [...parts, '.', '-', ':', ' ', '\n', 'lorem', 'ipsum_dolor', 'é'];
      // Long stretches without the keyword keep windows apart: below half the text, the engine
      // runs the pattern in windows rather than over the whole chunk.
      const filler = ' lorem ipsum dolor sit amet'.repeat(12);
      let total = 0;
      for (let t = 0; t < 6; t++) {
        let text = '';
        while (text.length < 300_000) text += r() < 0.2 ? filler : pieces[Math.floor(r() * pieces.length)]!;
        const expected = wholeText(detector, text);
        s.resetStats();
        const result = await s.scanText(text, 'dense.txt');
        expect(s.stats.regexChars).toBeLessThan(text.length / 2);
        expect(result.findings.map((f) => [f.location.byte_start, f.location.byte_end])).toEqual(expected);
        total += expected.length;
      }
      expect(total).toBeGreaterThan(1000);
    });
  },
);

describe('the email span', () => {
  const s = scanner({ detectors: [email] });

  it('reaches an address whose domain runs past a fixed window around the @', async () => {
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
