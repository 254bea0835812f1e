import { table } from './markdown.ts';

interface OutputTemplate {
  Outputs?: Record<string, { Description?: string }>;
}

/**
 * The steps from an empty account to a first scan for one profile and env, with the outputs the
 * templates really print (what `cdk deploy` shows at the end).
 */
export function deploySection(
  profile: string,
  env: string,
  fixedEnv: boolean,
  stacks: readonly { template: OutputTemplate }[],
): string {
  const envFlag = fixedEnv ? '' : ` -c env=${env}`;
  const https =
    profile === 'data-scanner'
      ? ''
      : ' -c domainName=<api name> -c hostedZoneId=<zone id> -c hostedZoneName=<zone>   # or -c certificateArn=<ACM ARN>';
  const outputs = stacks.flatMap((s) => Object.entries(s.template.Outputs ?? {}));
  return [
    '## Deploy',
    '',
    'From `packages/infra`, with credentials for the target account (any region):',
    '',
    '```sh',
    'npx cdk bootstrap                                   # once per account and region',
    `npx cdk deploy -c profile=${profile}${envFlag}${https}`,
    '```',
    '',
    'Then run the `AdminCommand` output with `<tenant>` replaced to create the first API key (the task stores it in the `FirstApiKeySecretName` secret, never in a log, and the command prints it from there), and call `ApiUrl` with it: `POST /scan`, `GET /jobs/{job_id}`, `GET /results?job_id=`. The outputs:',
    '',
    table(
      ['Output', 'What it is'],
      outputs.map(([name, o]) => [name, o.Description ?? '']),
      'The templates print no outputs.',
    ),
  ].join('\n');
}
