import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { NEAR_MISSES } from '../../eval/values.ts';
import { scan } from './helpers.ts';

describe('near-misses produce no finding', () => {
  it.each(Object.entries(NEAR_MISSES))('%s', async (_, generate) => {
    const rng = createRng(4242);
    for (let i = 0; i < 10; i++) {
      const text = generate(rng);
      const findings = await scan(`${text}\n`);
      expect(
        findings.map((f) => `${f.detector} ${f.redacted}`),
        text,
      ).toEqual([]);
    }
  });
});
