import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lambdaBundleDir } from '../lib/constructs/lambda-bundle.ts';
import { PROFILES } from '../lib/profiles/index.ts';
import { buildProfileApp } from '../lib/synth-app.ts';

// Prints how long bundling and each profile's synthesis (with cdk-nag and CloudFormation validation) take.
const bundleStart = performance.now();
lambdaBundleDir('scan');
console.log(
  `lambda bundles (3 handlers, esbuild): ${((performance.now() - bundleStart) / 1000).toFixed(1)} s`,
);

for (const profile of PROFILES) {
  for (const env of ['dev', 'prod']) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
    const start = performance.now();
    const { app } = buildProfileApp({ profile: profile.id, env, outdir });
    const assembly = app.synth();
    const seconds = (performance.now() - start) / 1000;
    const resources = assembly.stacks.reduce(
      (n, s) => n + Object.keys((s.template as { Resources: object }).Resources).length,
      0,
    );
    console.log(
      `${profile.id.padEnd(14)} ${env.padEnd(5)} ${seconds.toFixed(1).padStart(5)} s  ${resources} resources`,
    );
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
