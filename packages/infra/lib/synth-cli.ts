import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { imageSourceFrom } from './constructs/container-image.ts';
import { PROFILES } from './profiles/index.ts';
import { buildProfileApp } from './synth-app.ts';

const USAGE = `Usage: npm run synth -- --profile <id> [--env dev|staging|prod] [--out <dir>]
  [--app-name <name>] [--image <uri> | --image-tag <tag>] [--option key=value ...] [--no-nag]
Profiles: ${PROFILES.map((p) => p.id).join(', ')}`;

/** Where the CLI writes: `process` itself, or a test's buffers. */
export interface SynthOutput {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Synthesises one profile offline and writes its CloudFormation templates; returns the exit code. */
function main(argv: string[], out: SynthOutput): number {
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
    out.stdout.write(`${USAGE}\n`);
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
        out.stderr.write(`${message.level}: ${message.id}: ${String(message.entry.data)}\n`);
      }
    }
    const file = path.join(outdir, stack.templateFile);
    if (!fs.existsSync(file)) throw new Error(`template ${file} was not written`);
    out.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
  return 0;
}

/** Runs `npm run synth -- <argv>`: 0 when the templates are written, 2 with the reason on stderr otherwise. */
export function runSynthCli(argv: string[], out: SynthOutput = process): number {
  try {
    return main(argv, out);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.stderr.write(`synth: ${message.split('\n').join('\n  ')}\n`);
    return 2;
  }
}
