import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { NEAR_MISSES, type NearMiss } from '../../eval/values.ts';
import { detectorById, detectors } from '../../src/detectors/index.ts';
import { SAMPLES } from './family-samples.ts';
import { scan } from './helpers.ts';

describe('near-misses produce no finding', () => {
  it.each(Object.entries(NEAR_MISSES))('%s', async (_, nearMiss) => {
    const rng = createRng(4242);
    for (let i = 0; i < 10; i++) {
      const text = nearMiss.make(rng);
      const findings = await scan(`${text}\n`);
      expect(
        findings.map((f) => `${f.detector} ${f.redacted}`),
        text,
      ).toEqual([]);
    }
  });
});

/** The texts a near-miss generates in the test above. */
function samples(nearMiss: NearMiss): string[] {
  const rng = createRng(4242);
  return Array.from({ length: 10 }, () => nearMiss.make(rng).toLowerCase());
}

/** True when the prefilter hands `text` to the detector: a keyword, or a digit run for keyword-less ones. */
function wakes(id: string, text: string): boolean {
  const d = detectorById(id);
  if (!d) throw new Error(`no detector ${id}`);
  if (d.keywords.length > 0) return d.keywords.some((k) => text.includes(k));
  return /[0-9][0-9 .:\-/()]{5,}|:[0-9a-f]{0,4}:/.test(text);
}

describe('near-miss coverage', () => {
  it('has a near-miss that reaches every detector', () => {
    const reached = new Set(
      Object.values(NEAR_MISSES).flatMap((n) =>
        n.targets.filter((id) => samples(n).some((t) => wakes(id, t))),
      ),
    );
    const rng = createRng(4242);
    for (const [id, s] of Object.entries(SAMPLES)) {
      const texts = s.nearMisses.map((n) => (typeof n === 'string' ? n : n(rng)).toLowerCase());
      if (texts.some((t) => wakes(id, t))) reached.add(id);
    }
    expect(detectors.map((d) => d.id).filter((id) => !reached.has(id))).toEqual([]);
  });

  // A near-miss that its detector never sees would pass without testing the detector.
  it.each(Object.entries(NEAR_MISSES).filter(([, n]) => n.targets.length > 0))(
    '%s reaches the detectors it names',
    (_, nearMiss) => {
      const texts = samples(nearMiss);
      const unreached = nearMiss.targets.filter((id) => !texts.some((t) => wakes(id, t)));
      expect(unreached, texts[0]).toEqual([]);
    },
  );
});
