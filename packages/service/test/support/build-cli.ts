import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { buildService, SERVICE_DIR } from '../../scripts/build.ts';

/** The service built once for a test run, as `npm run build` builds it, with the test engine beside it. */
export interface BuiltCli {
  /** A copy of `bin/data-scanner.mjs` that runs the build beside it (`../dist/cli.mjs`). */
  bin: string;
  /** The esbuild output, `npm run build`'s `dist/`. */
  dist: string;
  /** `fault-engine-module.ts` bundled to JavaScript, for `DATA_SCANNER_ENGINE_MODULE` of the built CLI. */
  faultEngine: string;
  /** Deletes the build. */
  remove(): Promise<void>;
}

/** Bundles the workspace's own TypeScript packages; every npm package stays an import from node_modules. */
const onlyWorkspaceBundled: Plugin = {
  name: 'only-workspace-bundled',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@data-scanner/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Builds the service into a folder of its own inside the package (so the build's imports resolve
 * from the workspace's node_modules, as `dist/` does), beside a copy of `bin/data-scanner.mjs`.
 * A folder of its own, not `dist/`: `npm start` (the dashboard's end-to-end tests) rebuilds `dist/`
 * while the service's tests run.
 */
export async function buildCli(): Promise<BuiltCli> {
  const dir = await mkdtemp(path.join(SERVICE_DIR, '.build-test-'));
  // Tests that run as root start the CLI as `nobody` too.
  await chmod(dir, 0o755);
  const dist = path.join(dir, 'dist');
  const bin = path.join(dir, 'bin', 'data-scanner.mjs');
  const faultEngine = path.join(dir, 'fault-engine-module.mjs');
  await buildService(dist);
  await mkdir(path.dirname(bin));
  await copyFile(path.join(SERVICE_DIR, 'bin', 'data-scanner.mjs'), bin);
  await build({
    absWorkingDir: SERVICE_DIR,
    entryPoints: [path.join(SERVICE_DIR, 'test', 'support', 'fault-engine-module.ts')],
    outfile: faultEngine,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [onlyWorkspaceBundled],
    logLevel: 'warning',
  });
  return { bin, dist, faultEngine, remove: () => rm(dir, { recursive: true, force: true }) };
}
