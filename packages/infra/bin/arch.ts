import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ArchTarget,
  allTargets,
  analyse,
  documentPath,
  renderCheck,
  renderDocument,
} from '../lib/arch/analyse.ts';
import { costText } from '../lib/arch/document/cost-section.ts';
import { readAssembly, type Synthesized, synthesizeProfile } from '../lib/arch/synthesize.ts';
import { PROFILES } from '../lib/profiles/index.ts';
import { profileEnv } from '../lib/synth-app.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** npm runs workspace scripts in the package directory; paths on the command line are the caller's. */
const CALLER_CWD = process.env.INIT_CWD ?? process.cwd();
const fromCaller = (p: string) => path.resolve(CALLER_CWD, p);

const USAGE = `Usage: npm run arch -- <docs|cost|check> (--profile <id> [--env dev|staging|prod] | --all)
  [--templates <cloud assembly dir>] [--no-nag] [--out <file>]
  docs   writes docs/architecture/<profile>-<env>.md (or --out) from the synthesized templates
  cost   prints the monthly estimate beside the seed's cost table
  check  prints the policy report (project rules + cdk-nag); exit 1 on a violation`;

/**
 * One profile in the env given (dev when none), or its fixed env; another env is an error naming it.
 * A name no profile has is kept as given (`--templates` reads any assembly).
 */
function targetOf(id: string, env: string | undefined): ArchTarget {
  const profile = PROFILES.find((p) => p.id === id);
  return { profile: id, env: profile ? profileEnv(profile, env) : (env ?? 'dev') };
}

function synth(target: ArchTarget, templates: string | undefined, nag: boolean): Synthesized {
  return templates
    ? readAssembly(fromCaller(templates), nag)
    : synthesizeProfile(target.profile, target.env, { nag });
}

/** Runs one arch command; returns the exit code. */
function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      env: { type: 'string' },
      all: { type: 'boolean', default: false },
      templates: { type: 'string' },
      'no-nag': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const command = positionals[0];
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!command || !['docs', 'cost', 'check'].includes(command))
    throw new Error(`give a command: docs, cost or check\n${USAGE}`);
  if (!values.all && !values.profile) throw new Error(`--profile is required (or --all)\n${USAGE}`);
  if (values.all && (values.templates || values.out))
    throw new Error('--all synthesizes every profile: drop --templates and --out');
  const targets = values.all ? allTargets() : [targetOf(values.profile ?? '', values.env)];
  let violations = 0;
  for (const target of targets) {
    const synthesized = synth(target, values.templates, !values['no-nag']);
    if (command === 'docs') {
      const file = values.out ? fromCaller(values.out) : documentPath(REPO_ROOT, target);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, renderDocument(target, synthesized));
      process.stdout.write(`${path.relative(CALLER_CWD, file)}\n`);
    } else if (command === 'cost') {
      process.stdout.write(costText(`${target.profile} ${target.env}`, analyse(target, synthesized).cost));
    } else {
      const report = renderCheck(target, synthesized);
      process.stdout.write(report.text);
      violations += report.violations;
    }
  }
  return violations > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`arch: ${message.split('\n').join('\n  ')}\n`);
  process.exitCode = 2;
}
