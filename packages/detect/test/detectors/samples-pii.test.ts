import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { samples as bank } from '../../src/detectors/bank-accounts.samples.ts';
import { samples as crypto } from '../../src/detectors/crypto-wallets.samples.ts';
import { samples as devices } from '../../src/detectors/device-ids.samples.ts';
import { samples as health } from '../../src/detectors/health-ids.samples.ts';
import { samples as europe } from '../../src/detectors/national-ids-europe.samples.ts';
import { samples as world } from '../../src/detectors/national-ids-world.samples.ts';
import { samples as travel } from '../../src/detectors/travel-documents.samples.ts';
import { findingFor, scan } from './helpers.ts';

const families = { ...europe, ...world, ...health, ...travel, ...bank, ...crypto, ...devices };

describe.each(Object.entries(families))('%s', (id, s) => {
  it('finds every true positive, by this detector only', async () => {
    const rng = createRng(id.length * 131);
    for (let i = 0; i < 8; i++) {
      for (const make of s.truePositives) {
        const planted = make(rng);
        const findings = await scan(`first line\n${planted.text}\nlast line\n`);
        expect(findingFor(findings, id, planted.value), `${id} missed: ${planted.text}`).toBeDefined();
        expect(
          findings.map((f) => f.detector),
          planted.text,
        ).toEqual([id]);
      }
    }
  });

  it('reports nothing on its near-misses', async () => {
    const rng = createRng(id.length * 977);
    for (let i = 0; i < 8; i++) {
      for (const miss of s.nearMisses) {
        const text = typeof miss === 'string' ? miss : miss(rng);
        const findings = await scan(`${text}\n`);
        expect(
          findings.map((f) => `${f.detector} ${f.redacted}`),
          text,
        ).toEqual([]);
      }
    }
  });
});
