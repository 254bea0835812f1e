import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { buildProfileApp } from '../../lib/synth-app.ts';
import { SYNTH_CACHE_ENV } from './synth-cache.ts';

/** What the validation plugins (cdk-nag, CloudFormation Validate) reported during synthesis. */
export interface ValidationReport {
  readonly pluginReports: readonly { pluginName: string; conclusion: string; violations: unknown[] }[];
}

interface Synthesised {
  readonly template: Template;
  /** `undefined` when synthesis wrote no `validation-report.json` (no validation ran). */
  readonly report: ValidationReport | undefined;
}

/**
 * Options every profile test synthesizes with unless it overrides them: plain HTTP is accepted so the
 * templates stay comparable with and without a certificate (HTTPS by default is tested on its own).
 */
export const TEST_OPTIONS: Readonly<Record<string, string>> = { allowHttp: 'true' };

const cache = new Map<string, Synthesised>();

interface StoredSynthesis {
  readonly template: unknown;
  readonly report: ValidationReport | undefined;
}

function synthesise(
  profile: string,
  env: string,
  options: Readonly<Record<string, string>>,
  appName?: string,
): Synthesised {
  const key = JSON.stringify([profile, env, { ...TEST_OPTIONS, ...options }, appName]);
  let result = cache.get(key);
  if (result) return result;
  const shared = process.env[SYNTH_CACHE_ENV];
  const file = shared
    ? path.join(shared, `${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`)
    : undefined;
  let stored: StoredSynthesis | undefined;
  if (file && fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSynthesis;
  if (!stored) {
    stored = synthesiseNow(profile, env, options, appName);
    if (file) {
      const partial = `${file}.${process.pid}`;
      fs.writeFileSync(partial, JSON.stringify(stored));
      fs.renameSync(partial, file);
    }
  }
  result = { template: Template.fromJSON(stored.template as Record<string, unknown>), report: stored.report };
  cache.set(key, result);
  return result;
}

function synthesiseNow(
  profile: string,
  env: string,
  options: Readonly<Record<string, string>>,
  appName?: string,
): StoredSynthesis {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-profile-'));
  try {
    const { app, stacks } = buildProfileApp({
      profile,
      env,
      options: { ...TEST_OPTIONS, ...options },
      outdir,
      ...(appName ? { appName } : {}),
    });
    const stack = stacks[0];
    if (!stack) throw new Error(`profile ${profile} made no stack`);
    const assembly = app.synth();
    const reportFile = path.join(outdir, 'validation-report.json');
    return {
      template: assembly.getStackByName(stack.stackName).template,
      report: fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined,
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The synthesised template of a profile's (single) stack. Synthesis runs cdk-nag (AwsSolutions)
 * and the CloudFormation validation and throws on any unacknowledged error; it happens once per
 * profile, env and options in a test file.
 */
export function profileTemplate(
  profile: string,
  env: string,
  options: Readonly<Record<string, string>> = {},
  appName?: string,
): Template {
  return synthesise(profile, env, options, appName).template;
}

/**
 * The validation report of the same synthesis as `profileTemplate`; throws when synthesis wrote none,
 * because then neither cdk-nag nor the CloudFormation validation ran.
 */
export function profileReport(profile: string, env: string): ValidationReport {
  const report = synthesise(profile, env, {}).report;
  if (!report) {
    throw new Error(
      `${profile} ${env}: synthesis wrote no validation-report.json, so no validation plugin ran; nothing was checked`,
    );
  }
  return report;
}

/**
 * Asserts that the validation plugins of a profile's synthesis (cdk-nag AwsSolutions, CloudFormation
 * Validate) ran and reported no violation; acknowledged findings are listed apart. The report lists
 * only plugins with something to say, so an empty list is a clean run.
 */
export function expectCleanReport(profile: string, env: string): void {
  const report = profileReport(profile, env);
  expect(Array.isArray(report.pluginReports), 'validation-report.json has no pluginReports list').toBe(true);
  for (const r of report.pluginReports) {
    expect({ plugin: r.pluginName, conclusion: r.conclusion, violations: r.violations }).toEqual({
      plugin: r.pluginName,
      conclusion: 'success',
      violations: [],
    });
  }
}
