import { App, type Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ImageSource } from '../../lib/constructs/container-image.ts';
import type { EnvName, Profile } from '../../lib/profiles/profile.ts';
import { APP_CONTEXT } from '../../lib/synth-app.ts';

/** The account and region profile tests synthesize for (the seeds' us-east-1). */
export const TEST_STACK_ENV = { account: '123456789012', region: 'us-east-1' } as const;

/** What `cdk` would have looked up for that account and region (the AZs), as the CLI caches it in cdk.context.json. */
const TEST_LOOKUPS = {
  [`availability-zones:account=${TEST_STACK_ENV.account}:region=${TEST_STACK_ENV.region}`]: [
    'us-east-1a',
    'us-east-1b',
    'us-east-1c',
  ],
};

/**
 * A fresh app whose synthesis (e.g. `Template.fromStack`) fails with the validation report when the
 * cdk-nag AwsSolutions pack or the built-in CloudFormation validation finds an unacknowledged error.
 */
export function checkedApp(): App {
  // The context of every Data Scanner app: CloudFormation validation findings are errors.
  const app = new App({ context: { ...APP_CONTEXT, ...TEST_LOOKUPS } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

/**
 * Synthesizes a profile in a checked app, by default with a registry image (no Docker context is staged), and
 * returns each stack's template; throws the validation report on any unacknowledged finding.
 */
export function synthProfile(
  profile: Profile,
  env: EnvName,
  options: Readonly<Record<string, string>> = {},
  image: ImageSource = { kind: 'registry', uri: 'public.ecr.aws/example/data-scanner:1.0.0' },
): { stacks: Stack[]; templates: Template[] } {
  const app = checkedApp();
  const stacks = profile.create(app, {
    env,
    image,
    stackEnv: TEST_STACK_ENV,
    options: { allowHttp: 'true', ...options },
  });
  return { stacks, templates: stacks.map((s) => Template.fromStack(s)) };
}
