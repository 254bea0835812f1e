import { buildProfileApp } from './synth-app.ts';

/** The tenant names `data-scanner keys create` accepts (service `keys/key-store.ts`): safe inside a shell word. */
const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The name a profile's stack deploys under, for an env and app name as `cdk deploy` would get them. */
export function profileStackName(profile: string, env: string | undefined, appName?: string): string {
  const { stacks } = buildProfileApp({
    profile,
    ...(env ? { env } : {}),
    ...(appName ? { appName } : {}),
    nag: false,
    image: { kind: 'registry', uri: 'public.ecr.aws/data-scanner/unused:0' },
    options: { allowHttp: 'true' },
  });
  const stack = stacks[0];
  if (!stack) throw new Error(`profile ${profile} makes no stack`);
  return stack.stackName;
}

/**
 * The deployed stack's `AdminCommand` output with `<tenant>` filled in: the shell command that creates
 * the tenant's first API key into the `FirstApiKey` secret and prints it. The tenant name is checked
 * first, so it can only be a plain word in that command.
 */
export function firstKeyCommand(adminCommand: string | undefined, tenant: string, stackName: string): string {
  if (!TENANT_NAME.test(tenant)) {
    throw new Error(`tenant "${tenant}" must be 1-63 letters, digits, dots, dashes or underscores`);
  }
  if (!adminCommand?.includes('<tenant>')) {
    throw new Error(
      `stack ${stackName} has no AdminCommand output with a <tenant> placeholder: deploy it with this version first (npx cdk deploy)`,
    );
  }
  if (!adminCommand.includes('"--secret",')) {
    throw new Error(`stack ${stackName} prints the key into the task log: deploy it with this version first`);
  }
  return adminCommand.replaceAll('<tenant>', tenant);
}
