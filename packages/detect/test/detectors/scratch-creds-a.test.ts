import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { detectorById } from '../../src/detectors/index.ts';
import type { FamilySamples } from '../../src/detectors/samples.ts';
import { findingFor, scan } from './helpers.ts';

const FAMILIES = (process.env.FAMILIES ?? 'cloud-providers').split(',');
const OVERLAP = new Set(['generic-secret', 'http-basic-auth', 'url-credentials']);

const loaded = await Promise.all(
  FAMILIES.map(
    async (f) =>
      [
        f,
        ((await import(`../../src/detectors/${f}.samples.ts`)) as { samples: FamilySamples }).samples,
      ] as const,
  ),
);
const cases = loaded.flatMap(([f, s]) => Object.entries(s).map(([id, d]) => [`${f}/${id}`, id, d] as const));

describe('family samples', () => {
  it.each(cases)('%s', async (_, id, d) => {
    expect(detectorById(id), id).toBeDefined();
    expect(d.truePositives.length).toBeGreaterThanOrEqual(2);
    expect(d.nearMisses.length).toBeGreaterThanOrEqual(2);
    const rng = createRng(id.length * 7919);
    const problems: string[] = [];
    for (const [i, gen] of d.truePositives.entries()) {
      for (let k = 0; k < 4; k++) {
        const p = gen(rng);
        const findings = await scan(`some text before\n${p.text}\nand after\n`);
        if (!findingFor(findings, id, p.value))
          problems.push(`tp${i} missed: ${p.text} :: ${findings.map((f) => f.detector)}`);
        const others = findings.filter((f) => f.detector !== id && !OVERLAP.has(f.detector));
        if (others.length > 0) problems.push(`tp${i} also: ${others.map((f) => f.detector)} in ${p.text}`);
        if (findings.filter((f) => f.detector === id).length !== 1)
          problems.push(`tp${i} count ${findings.filter((f) => f.detector === id).length}: ${p.text}`);
      }
    }
    for (const [i, nm] of d.nearMisses.entries()) {
      const text = typeof nm === 'string' ? nm : nm(rng);
      const findings = await scan(`${text}\n`);
      if (findings.length > 0)
        problems.push(`nm${i} found ${findings.map((f) => `${f.detector} ${f.redacted}`)}: ${text}`);
    }
    expect(problems).toEqual([]);
  });
});
