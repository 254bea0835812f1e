import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type ArchTarget,
  allTargets,
  analyse,
  documentPath,
  renderCheck,
  renderDocument,
} from '../../lib/arch/analyse.ts';
import { type Synthesized, synthesizeProfile } from '../../lib/arch/synthesize.ts';
import { usageFor } from '../../lib/arch/usage/index.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

// One synthesis per profile and env (with cdk-nag, as `npm run arch` does) serves every check below.
const synthesized = new Map<string, Synthesized>();
function synth(target: ArchTarget): Synthesized {
  const key = `${target.profile}-${target.env}`;
  let result = synthesized.get(key);
  if (!result) {
    result = synthesizeProfile(target.profile, target.env, { nag: true });
    synthesized.set(key, result);
  }
  return result;
}

const cases = allTargets().map((t) => [`${t.profile}-${t.env}`, t] as const);

describe('every profile and env', () => {
  it('is 3 profiles in 3 envs and 3 profiles with a fixed env', () => {
    expect(cases).toHaveLength(12);
    expect(cases.map(([name]) => name).filter((n) => /^(tiger|cheetah|production)-/.test(n))).toEqual([
      'tiger-dev',
      'cheetah-staging',
      'production-prod',
    ]);
  });

  it.each(cases)('docs/architecture/%s.md matches what the templates deploy', (_name, target) => {
    const file = documentPath(REPO_ROOT, target);
    expect(
      fs.existsSync(file),
      `${path.relative(REPO_ROOT, file)} is missing: run npm run arch -- docs --all`,
    ).toBe(true);
    const fresh = renderDocument(target, synth(target));
    const committed = fs.readFileSync(file, 'utf8');
    expect(
      committed === fresh,
      `${path.relative(REPO_ROOT, file)} is stale: run npm run arch -- docs --all`,
    ).toBe(true);
  });

  // What `npm run arch -- check --profile <id> --env <env>` runs: the project's rules and cdk-nag.
  it.each(cases)('%s passes arch check with no violation', (_name, target) => {
    const report = renderCheck(target, synth(target));
    expect(report.violations, report.text).toBe(0);
    expect(report.text).toContain('Result: no violations');
  });

  // Issue 7: within ±10 % of each seed's stated total under its own assumptions, or notes that name
  // the price that differs and why for every row that is off.
  const seeded = cases.filter(([, t]) => usageFor(t.profile).seed(t.env) !== undefined);
  it('prices every seed that states a total (7 tables in 5 seeds)', () => {
    expect(seeded.map(([name]) => name)).toEqual([
      'data-scanner-dev',
      'web-service-prod',
      'tiger-dev',
      'cheetah-staging',
      'production-prod',
      'astro-dev',
      'astro-prod',
    ]);
  });

  it.each(seeded)(
    '%s is within ±10 %% of the seed total or explains every row that differs',
    (_n, target) => {
      const comparison = analyse(target, synth(target)).cost.comparison;
      if (!comparison) throw new Error('no seed cost table');
      if (!comparison.withinTarget) {
        expect(
          comparison.unexplained,
          `ours $${comparison.ours.toFixed(2)}: rows off by more than 10 % and $1 need a note`,
        ).toEqual([]);
      }
    },
  );
});
