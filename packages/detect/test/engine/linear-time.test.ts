import { describe, expect, it } from 'vitest';
import { compileLinear } from '../../src/engine/compiled-detector.ts';
import { detectors } from '../../src/index.ts';
import { scanner } from '../support.ts';

describe('linear-time safety', () => {
  it.each(detectors.map((d) => [d.id, d] as const))('%s compiles under V8 linear-time engine', (_, d) => {
    const linear = compileLinear(d.pattern);
    expect(linear.flags).toContain('l');
  });

  const adversarial: Record<string, (n: number) => string> = {
    letters: (n) => 'a'.repeat(n),
    digits: (n) => '4'.repeat(n),
    'separated digits': (n) => '1-2 '.repeat(n / 4),
    'at signs': (n) => 'a@'.repeat(n / 2),
    'keyword storm': (n) => 'password=secret token '.repeat(n / 22),
    'pem armour without body': (n) => '-----BEGIN PRIVATE KEY-----\n'.repeat(n / 28),
    'url schemes': (n) => 'http://a:'.repeat(n / 9),
    'base64 run': (n) => 'eyJhbGciOi'.repeat(n / 10),
    colons: (n) => ':'.repeat(n),
  };

  it.each(Object.keys(adversarial))('engine work grows linearly on %s', async (name) => {
    const make = adversarial[name]!;
    const s = scanner();
    const work: number[] = [];
    for (const n of [100_000, 400_000, 1_600_000]) {
      s.resetStats();
      await s.scanText(make(n));
      work.push(s.stats.regexChars + s.stats.prefilterBytes);
    }
    const perChar = work.map((w, i) => w / [100_000, 400_000, 1_600_000][i]!);
    expect(perChar[2]!).toBeLessThanOrEqual(perChar[0]! * 1.5 + 1);
    expect(perChar[2]!).toBeLessThanOrEqual(detectors.length + 1);
  });
});
