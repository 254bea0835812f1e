/**
 * Holds every detector to its samples (`src/detectors/<family>.samples.ts`, found on disk, so a
 * new family needs no edit here): each true value is found by its own detector exactly once and
 * by no other, masked in the preview; each near-miss yields no finding at all; every detector
 * has true values and a near-miss that reaches it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng, withoutPlaceholders } from '../../eval/random.ts';
import { detectorById, detectors } from '../../src/detectors/index.ts';
import type { DetectorSamples, FamilySamples } from '../../src/detectors/samples.ts';
import { fingerprintOf, scan } from './helpers.ts';

const TRUE_DRAWS = 15;
const NEAR_DRAWS = 10;

const dir = new URL('../../src/detectors/', import.meta.url);
const files = readdirSync(fileURLToPath(dir))
  .filter((f) => f.endsWith('.samples.ts'))
  .sort();
const families: [string, FamilySamples][] = [];
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { samples?: FamilySamples };
  families.push([file, mod.samples ?? {}]);
}
const entries = families.flatMap(([file, samples]) =>
  Object.entries(samples).map(([id, s]) => [id, s, file] as [string, DetectorSamples, string]),
);

/** The near-miss texts the test scans: a string once, a generator `NEAR_DRAWS` times. */
function nearTexts(nearMiss: DetectorSamples['nearMisses'][number]): string[] {
  if (typeof nearMiss === 'string') return [nearMiss];
  const rng = createRng(4242);
  return Array.from({ length: NEAR_DRAWS }, () => nearMiss(rng));
}

/** True when the prefilter hands `text` to the detector: a keyword, or its structural trigger. */
function reaches(id: string, text: string): boolean {
  const d = detectorById(id);
  if (!d) return false;
  const lower = text.toLowerCase();
  if (d.keywords.length > 0) return d.keywords.some((k) => lower.includes(k));
  const trigger = d.structural;
  if (!trigger) return true;
  if (trigger.shape === 'colons') return /:[0-9a-f]{0,4}:/.test(lower);
  return [...lower.matchAll(/[0-9][0-9 .:\-/()]{5,}/g)].some(([run]) => {
    const digits = run.replace(/[^0-9]/g, '').length;
    const dots = run.split('.').length - 1;
    return digits >= trigger.minDigits && (trigger.shape !== 'dotted-quad' || dots >= 3);
  });
}

describe('samples files', () => {
  it('exist, and name only catalogue detectors, each in one file', () => {
    expect(files.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    for (const [id, , file] of entries) {
      expect(detectorById(id)?.id, `${file} names ${id}, which is not a detector`).toBe(id);
      expect(seen.get(id), `${id} has samples in two files`).toBeUndefined();
      seen.set(id, file);
    }
  });

  it('cover every detector with a true value and a near-miss that reaches it', () => {
    const byId = new Map(entries.map(([id, s]) => [id, s]));
    const gaps = detectors.flatMap((d) => {
      const s = byId.get(d.id);
      if (!s || s.truePositives.length === 0) return [`${d.id}: no true value`];
      const reached = s.nearMisses.some((n) => nearTexts(n).some((t) => reaches(d.id, t)));
      return reached ? [] : [`${d.id}: no near-miss reaches it (keyword or structural trigger)`];
    });
    expect(gaps).toEqual([]);
  });
});

describe.each(entries.map(([id, s]) => [id, s] as const))('%s', (id, s) => {
  it('finds each true value exactly once, by this detector only, masked', async () => {
    for (const [g, generator] of s.truePositives.entries()) {
      const generate = withoutPlaceholders(generator);
      const rng = createRng(id.length * 7919 + g);
      for (let i = 0; i < TRUE_DRAWS; i++) {
        const planted = generate(rng);
        const at = planted.text.indexOf(planted.value);
        expect(
          at !== -1 && at === planted.text.lastIndexOf(planted.value),
          'the text holds the value once',
        ).toBe(true);
        const before = 'some text before\n';
        const text = `${before}${planted.text}\nand after\n`;
        const findings = await scan(text);
        const fp = fingerprintOf(planted.value);
        const own = findings.filter((f) => f.detector === id && f.fingerprint === fp);
        expect(own, `${id} must find ${JSON.stringify(planted.text)} once`).toHaveLength(1);
        expect(own[0]?.redacted).not.toContain(planted.value);
        const start = Buffer.byteLength(before + planted.text.slice(0, at));
        const end = start + Buffer.byteLength(planted.value);
        const others = findings.filter(
          (f) =>
            f.detector !== id &&
            (f.fingerprint === fp || (f.location.byte_start < end && f.location.byte_end > start)),
        );
        expect(
          others.map((f) => `${f.detector} ${f.redacted}`),
          `other detectors on ${JSON.stringify(planted.text)}`,
        ).toEqual([]);
      }
    }
  });

  it.each(s.nearMisses.map((n, i) => [i + 1, n] as const))('near-miss %i yields no finding', async (_, n) => {
    for (const text of nearTexts(n)) {
      const findings = await scan(`${text}\n`);
      expect(
        findings.map((f) => `${f.detector} ${f.redacted}`),
        text,
      ).toEqual([]);
    }
  });
});
