import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type ImageSource, imageSourceFrom } from './constructs/container-image.ts';
import { findProfile } from './profiles/index.ts';
import { ENV_NAMES, type EnvName, type Profile } from './profiles/profile.ts';

/** Everything needed to build one profile's app. */
export interface ProfileAppOptions {
  readonly profile: string;
  /** @default - 'dev', or the profile's fixed environment */
  readonly env?: string;
  /** @default - the profile's seed app name */
  readonly appName?: string;
  /** @default { kind: 'asset' } */
  readonly image?: ImageSource;
  /** Deploy-time options (`certificateArn`, `sshCidr`, `maxWorkers`, `scanBuckets`...). @default {} */
  readonly options?: Readonly<Record<string, string | undefined>>;
  /** Cloud assembly directory. @default - a temporary directory */
  readonly outdir?: string;
  /**
   * Run cdk-nag's AwsSolutions pack during synthesis (unacknowledged findings stop it).
   * @default true
   */
  readonly nag?: boolean;
}

/**
 * CDK context every Data Scanner app starts from, read from `cdk.json` (the one list), so `cdk synth`,
 * `npm run synth`, `npm run arch` and the tests synthesize alike: the recommended feature flags of the
 * installed aws-cdk-lib, each listed explicitly so an upgrade never changes a template unasked, and
 * `@aws-cdk/core:validateAgainstDefaultRules`, which turns the findings of the CloudFormation
 * validation that runs during synthesis from warnings into errors.
 */
export const APP_CONTEXT: Readonly<Record<string, unknown>> = readCdkJsonContext();

function readCdkJsonContext(): Record<string, unknown> {
  const file = fileURLToPath(new URL('../cdk.json', import.meta.url));
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { context?: Record<string, unknown> };
  if (!parsed.context) throw new Error(`${file} has no context section`);
  return parsed.context;
}

/** Checks an environment name. */
export function envName(value: string | undefined): EnvName {
  const env = value ?? 'dev';
  if (!(ENV_NAMES as readonly string[]).includes(env)) {
    throw new Error(`Unknown env "${env}": choose one of ${ENV_NAMES.join(', ')}`);
  }
  return env as EnvName;
}

/**
 * The env a profile deploys: the one given, or `dev`. A profile with a fixed environment (tiger,
 * cheetah, production) takes no other: naming another is an error that names the valid one.
 */
export function profileEnv(profile: Profile, given: string | undefined): EnvName {
  if (!profile.fixedEnv) return envName(given);
  if (given !== undefined && given !== profile.fixedEnv) {
    throw new Error(
      `Profile ${profile.id} always deploys its ${profile.fixedEnv} configuration: drop --env/-c env, or pass env=${profile.fixedEnv} (got "${given}")`,
    );
  }
  return profile.fixedEnv;
}

/** Adds one profile's stacks for one environment to an app, with cdk-nag unless turned off. */
export function addProfile(app: App, options: ProfileAppOptions): Stack[] {
  const profile = findProfile(options.profile);
  const env = profileEnv(profile, options.env);
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return profile.create(app, {
    env,
    ...(options.appName ? { appName: options.appName } : {}),
    image: options.image ?? { kind: 'asset' },
    options: options.options ?? {},
  });
}

/** Builds a CDK app holding one profile's stacks for one environment (not yet synthesised). */
export function buildProfileApp(options: ProfileAppOptions): { app: App; stacks: Stack[] } {
  const app = new App({ context: { ...APP_CONTEXT }, ...(options.outdir ? { outdir: options.outdir } : {}) });
  return { app, stacks: addProfile(app, options) };
}

const RESERVED_KEYS = new Set(['profile', 'env', 'appName', 'image', 'imageTag', 'nag']);

/**
 * Reads `ProfileAppOptions` from CDK context (`-c profile=<id> -c env=<env> -c appName=...
 * -c image=<uri> | -c imageTag=<tag>`); every other plain context value becomes a profile option.
 */
export function optionsFromContext(context: Readonly<Record<string, unknown>>): ProfileAppOptions {
  const str = (key: string) => {
    const v = context[key];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  };
  const profile = str('profile');
  if (!profile) throw new Error('Missing context: pass -c profile=<id> (and -c env=dev|staging|prod)');
  const options: Record<string, string> = {};
  for (const key of Object.keys(context)) {
    const value = str(key);
    if (value !== undefined && !RESERVED_KEYS.has(key) && !key.includes(':')) options[key] = value;
  }
  const appName = str('appName');
  return {
    profile,
    env: str('env') || undefined,
    ...(appName ? { appName } : {}),
    image: imageSourceFrom({ image: str('image'), imageTag: str('imageTag') }),
    options,
    nag: str('nag') !== 'false',
  };
}
