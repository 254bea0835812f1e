import { execFileSync, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { firstKeyCommand, profileStackName } from '../lib/admin-command.ts';

const USAGE = `Usage: npm run keys:create -- --profile <id> [--env dev|staging|prod] [--app-name <name>] --tenant <name>
  Creates the tenant's first API key on the deployed stack (the AdminCommand output, with the AWS CLI and the
  credentials in use): a one-off Fargate task stores it in the FirstApiKey secret, never in a log, and it is
  printed here only.`;

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string' },
      env: { type: 'string' },
      'app-name': { type: 'string' },
      tenant: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.profile || !values.tenant) throw new Error(`--profile and --tenant are required\n${USAGE}`);
  const stackName = profileStackName(values.profile, values.env, values['app-name']);
  const adminCommand = execFileSync(
    'aws',
    [
      'cloudformation',
      'describe-stacks',
      '--stack-name',
      stackName,
      '--query',
      "Stacks[0].Outputs[?OutputKey=='AdminCommand'].OutputValue",
      '--output',
      'text',
    ],
    { encoding: 'utf8' },
  ).trim();
  const command = firstKeyCommand(adminCommand, values.tenant, stackName);
  process.stderr.write(`Creating the first key of tenant "${values.tenant}" on ${stackName}...\n`);
  return spawnSync('sh', ['-c', command], { stdio: 'inherit' }).status ?? 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`keys:create: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
