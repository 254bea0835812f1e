import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { TRUE_VALUES } from '../../eval/values.ts';
import { detectorIds, findingFor, scan } from './helpers.ts';

const PER_DETECTOR = 15;

describe('true values are found, exactly once, by their own detector only', () => {
  it.each(Object.entries(TRUE_VALUES))('%s', async (id, generate) => {
    const rng = createRng(id.length * 7919);
    for (let i = 0; i < PER_DETECTOR; i++) {
      const planted = generate(rng);
      const findings = await scan(`some text before\n${planted.text}\nand after\n`);
      const hit = findingFor(findings, id, planted.value);
      expect(hit, `${id} missed a generated value`).toBeDefined();
      expect(findings.filter((f) => f.detector === id)).toHaveLength(1);
      expect(detectorIds(findings)).toEqual([id]);
      expect(hit?.redacted).not.toContain(planted.value);
    }
  });
});
