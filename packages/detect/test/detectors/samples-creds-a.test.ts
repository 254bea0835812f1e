import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { detectorById } from '../../src/detectors/index.ts';
import { FAMILIES } from './family-samples.ts';
import { findingFor, scan } from './helpers.ts';

/**
 * Detectors that may also report a specific detector's value until a specific finding
 * supersedes theirs on the same span (an engine rule under way); every other overlap fails.
 */
const OVERLAP = new Set(['generic-secret', 'http-basic-auth', 'url-credentials']);
const DRAWS = 4;

const cases = FAMILIES.flatMap(([family, samples]) =>
  Object.entries(samples).map(([id, s]) => [`${family}: ${id}`, id, s] as const),
);

describe('family samples: true positives found by their detector only, near-misses by none', () => {
  it.each(cases)('%s', async (_, id, s) => {
    expect(detectorById(id), `${id} is not in the catalogue`).toBeDefined();
    expect(s.truePositives.length).toBeGreaterThanOrEqual(1);
    expect(s.nearMisses.length).toBeGreaterThanOrEqual(1);
    const rng = createRng(id.length * 7919);
    const problems: string[] = [];
    for (const [i, generate] of s.truePositives.entries()) {
      for (let k = 0; k < DRAWS; k++) {
        const planted = generate(rng);
        const findings = await scan(`some text before\n${planted.text}\nand after\n`);
        const hit = findingFor(findings, id, planted.value);
        if (!hit) problems.push(`true positive ${i} missed in: ${planted.text}`);
        if (hit?.redacted.includes(planted.value)) problems.push(`true positive ${i} not masked`);
        const own = findings.filter((f) => f.detector === id).length;
        if (own > 1) problems.push(`true positive ${i} reported ${own} times: ${planted.text}`);
        const others = findings.filter((f) => f.detector !== id && !OVERLAP.has(f.detector));
        if (others.length > 0)
          problems.push(`true positive ${i} also ${others.map((f) => f.detector)}: ${planted.text}`);
      }
    }
    for (const [i, nearMiss] of s.nearMisses.entries()) {
      const text = typeof nearMiss === 'string' ? nearMiss : nearMiss(rng);
      const findings = await scan(`${text}\n`);
      if (findings.length > 0) {
        problems.push(`near-miss ${i} found ${findings.map((f) => `${f.detector} ${f.redacted}`)}: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
