import * as path from 'node:path';
import { PROFILES } from '../profiles/index.ts';
import { ENV_NAMES } from '../profiles/profile.ts';
import { type CheckReport, formatCheckReport } from './checks/report.ts';
import { runRules } from './checks/rules.ts';
import { compareWithSeed } from './cost/compare.ts';
import { estimateCost } from './cost/estimate.ts';
import { loadPrices } from './cost/prices.ts';
import { DEFAULT_USAGE, type Usage } from './cost/usage.ts';
import type { CostView } from './document/cost-section.ts';
import { writeDocument } from './document/write-document.ts';
import { type ArchModel, readArchitecture } from './model.ts';
import type { Synthesized } from './synthesize.ts';
import { usageFor } from './usage/index.ts';

/** One profile in one env. */
export interface ArchTarget {
  readonly profile: string;
  readonly env: string;
}

/**
 * Every profile and env the registry knows, in registry order: a profile with a fixed environment
 * (tiger, cheetah, production) is one target, the others one per env.
 */
export function allTargets(): ArchTarget[] {
  return PROFILES.flatMap((p) =>
    (p.fixedEnv ? [p.fixedEnv] : ENV_NAMES).map((env) => ({ profile: p.id, env })),
  );
}

/** Where the committed document of a target lives, relative to the repository root. */
export function documentPath(repoRoot: string, target: ArchTarget): string {
  return path.join(repoRoot, 'docs', 'architecture', `${target.profile}-${target.env}.md`);
}

/** Reads the model and prices it under the profile's usage for the env. */
export function analyse(target: ArchTarget, synth: Synthesized): { model: ArchModel; cost: CostView } {
  const model = readArchitecture(synth.stacks);
  const profileUsage = usageFor(target.profile);
  const usage: Usage = { ...DEFAULT_USAGE, ...profileUsage.usage(target.env) };
  const prices = loadPrices();
  const estimate = estimateCost(model, usage, prices);
  const seed = profileUsage.seed(target.env);
  return {
    model,
    cost: { estimate, usage, prices, seed, comparison: seed ? compareWithSeed(estimate, seed) : undefined },
  };
}

/** The architecture document of a target. */
export function renderDocument(target: ArchTarget, synth: Synthesized): string {
  const { model, cost } = analyse(target, synth);
  const profile = PROFILES.find((p) => p.id === target.profile);
  return writeDocument(
    {
      ...target,
      seedFile: profile?.seed,
      description: profile?.description,
      fixedEnv: Boolean(profile?.fixedEnv),
    },
    model,
    synth.stacks,
    cost,
  );
}

/**
 * The policy report of a target: the project's rules and cdk-nag. A profile that always deploys one
 * env's configuration (tiger, cheetah, production) is judged as that env.
 */
export function renderCheck(target: ArchTarget, synth: Synthesized): CheckReport {
  const model = readArchitecture(synth.stacks);
  const fixed = PROFILES.find((p) => p.id === target.profile)?.fixedEnv;
  const env = fixed ?? target.env;
  const title = `${target.profile} ${target.env}${env !== target.env ? ` (it always deploys its ${env} configuration)` : ''}`;
  return formatCheckReport(title, runRules(model, env), synth.nag);
}
