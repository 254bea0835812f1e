import type { Environment, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ImageSource } from '../constructs/container-image.ts';

/** Deployment environments every profile accepts. */
export const ENV_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvName = (typeof ENV_NAMES)[number];

/** What a deployer chooses when synthesising a profile. */
export interface ProfileContext {
  readonly env: EnvName;
  /**
   * Application name used in every resource name.
   * @default - the profile's `defaultAppName` (the seed's)
   */
  readonly appName?: string;
  /**
   * Container image of the services.
   * @default { kind: 'asset' } - built from the repo-root Dockerfile at deploy time
   */
  readonly image?: ImageSource;
  /**
   * Deploy-time options from `-c key=value` (e.g. `certificateArn`, `sshCidr`, `maxWorkers`).
   * @default {}
   */
  readonly options?: Readonly<Record<string, string | undefined>>;
  /**
   * Account and region of the stacks.
   * @default - environment-agnostic (resolved by `cdk deploy` from the credentials in use)
   */
  readonly stackEnv?: Environment;
}

/** A deployment profile: one seed architecture as typed config plus composition. */
export interface Profile {
  /** Profile id used on the command line (`--profile <id>`). */
  readonly id: string;
  /** Seed document the profile implements (in `shared/seeds/`). */
  readonly seed: string;
  /** One-line summary. */
  readonly description: string;
  /** Application name of the seed, the default of `ProfileContext.appName`. */
  readonly defaultAppName: string;
  /**
   * The env whose configuration the profile deploys whatever `env` says (its stack is the same for
   * every env); policy checks judge it as this env.
   * @default - the env given
   */
  readonly fixedEnv?: EnvName;
  /** Adds the profile's stacks to `scope` (an App or Stage) and returns them. */
  create(scope: Construct, context: ProfileContext): Stack[];
}

/** Checks an application name: it appears in bucket, ECR and load balancer names. */
export function checkAppName(appName: string): string {
  if (!/^[a-z][a-z0-9-]{0,23}[a-z0-9]$/.test(appName)) {
    throw new Error(
      `app name "${appName}" must be 2-25 characters of lowercase letters, digits and hyphens, starting with a letter`,
    );
  }
  return appName;
}

/** Reads a positive integer option, naming the option when it is bad. */
export function intOption(options: ProfileContext['options'], name: string, fallback: number): number {
  const raw = options?.[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`option ${name}="${raw}" must be a positive integer`);
  return value;
}
