import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { imageSourceFrom } from '../lib/constructs/container-image.ts';
import { PROFILES } from '../lib/profiles/index.ts';
import { buildProfileApp } from '../lib/synth-app.ts';

const USAGE = `Usage: npm run synth -- --profile <id> [--env dev|staging|prod] [--out <dir>]
  [--app-name <name>] [--image <uri> | --image-tag <tag>] [--option key=value ...] [--no-nag]
Profiles: ${PROFILES.map((p) => p.id).join(', ')}`;

/** Synthesises one profile offline and writes its CloudFormation templates; returns the exit code. */
function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string' },
      env: { type: 'string' },
      out: { type: 'string', default: 'cdk.out' },
      'app-name': { type: 'string' },
      image: { type: 'string' },
      'image-tag': { type: 'string' },
      option: { type: 'string', multiple: true },
      'no-nag': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.profile) throw new Error(`--profile is required\n${USAGE}`);
  const options: Record<string, string> = {};
  for (const pair of values.option ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--option "${pair}" must look like key=value`);
    options[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const outdir = path.resolve(values.out);
  const { app } = buildProfileApp({
    profile: values.profile,
    env: values.env,
    ...(values['app-name'] ? { appName: values['app-name'] } : {}),
    image: imageSourceFrom({ image: values.image, imageTag: values['image-tag'] }),
    options,
    outdir,
    nag: !values['no-nag'],
  });
  const assembly = app.synth();
  for (const stack of assembly.stacks) {
    // Synthesis warnings (annotations) would otherwise only reach the manifest: print them.
    for (const message of stack.messages) {
      if (message.level === 'warning' || message.level === 'error') {
        process.stderr.write(`${message.level}: ${message.id}: ${String(message.entry.data)}\n`);
      }
    }
    const file = path.join(outdir, stack.templateFile);
    if (!fs.existsSync(file)) throw new Error(`template ${file} was not written`);
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`synth: ${message.split('\n').join('\n  ')}\n`);
  process.exitCode = 2;
}
