import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { samples as configFiles } from '../../src/detectors/config-files.samples.ts';
import { samples as databases } from '../../src/detectors/databases.samples.ts';
import { samples as emailSms } from '../../src/detectors/email-sms.samples.ts';
import { samples as frameworkKeys } from '../../src/detectors/framework-keys.samples.ts';
import { detectorById } from '../../src/detectors/index.ts';
import { samples as kubernetes } from '../../src/detectors/kubernetes.samples.ts';
import { samples as observability } from '../../src/detectors/observability.samples.ts';
import { samples as passwordHashes } from '../../src/detectors/password-hashes.samples.ts';
import { samples as payments } from '../../src/detectors/payments.samples.ts';
import type { FamilySamples } from '../../src/detectors/samples.ts';
import { samples as secretsIdentity } from '../../src/detectors/secrets-identity.samples.ts';
import { samples as stripe } from '../../src/detectors/stripe.samples.ts';
import { findingFor, scan } from './helpers.ts';

const FAMILIES: Record<string, FamilySamples> = {
  configFiles,
  databases,
  emailSms,
  frameworkKeys,
  kubernetes,
  observability,
  passwordHashes,
  payments,
  secretsIdentity,
  stripe,
};
/** Detectors that may also report a planted value until the engine lets a specific finding supersede them. */
const TOLERATED = new Set(['generic-secret', 'http-basic-auth', 'url-credentials']);
const DRAWS = 8;

const entries = Object.values(FAMILIES).flatMap((family) => Object.entries(family));

describe('credential samples (second half of the breadth list)', () => {
  it.each(entries)('%s', async (id, s) => {
    expect(detectorById(id)?.id, `${id} is registered`).toBe(id);
    expect(s.truePositives.length).toBeGreaterThanOrEqual(2);
    expect(s.nearMisses.length).toBeGreaterThanOrEqual(2);
    const problems: string[] = [];
    const rng = createRng(id.length * 7919);
    for (const make of s.truePositives) {
      for (let i = 0; i < DRAWS; i++) {
        const planted = make(rng);
        expect(planted.text.split(planted.value).length, `${id}: value once in text`).toBe(2);
        const findings = await scan(`some text before\n${planted.text}\nand after\n`);
        if (!findingFor(findings, id, planted.value)) problems.push(`missed: ${planted.text}`);
        const others = findings.filter((f) => f.detector !== id && !TOLERATED.has(f.detector));
        if (others.length > 0)
          problems.push(`also ${others.map((f) => f.detector).join(',')}: ${planted.text}`);
        if (findings.filter((f) => f.detector === id).length !== 1) problems.push(`count: ${planted.text}`);
      }
    }
    for (const near of s.nearMisses) {
      const text = typeof near === 'string' ? near : near(rng);
      const findings = await scan(`some text before\n${text}\nand after\n`);
      if (findings.length > 0)
        problems.push(`near-miss found by ${findings.map((f) => f.detector).join(',')}: ${text}`);
    }
    expect(problems).toEqual([]);
  });
});
