import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleLambdaHandlers, LAMBDA_EXTERNALS } from '../lib/constructs/lambda-bundle.ts';

// `npm run bench:bundles -w @data-scanner/infra`: the size of each API Lambda bundle (esbuild,
// minified) and its largest inputs by package. Target: jobs and results under 500 KB each.
const TARGET_BYTES = 500 * 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bundles-'));
try {
  const started = performance.now();
  const bundles = bundleLambdaHandlers(dir);
  console.log(
    `Lambda bundles (esbuild, minified; left to the runtime: ${LAMBDA_EXTERNALS.join(', ')}), ${Math.round(performance.now() - started)} ms`,
  );
  console.log(`${'handler'.padEnd(8)} ${'bytes'.padStart(9)} ${'KiB'.padStart(6)}  largest inputs (KiB)`);
  for (const [name, info] of Object.entries(bundles)) {
    const byPackage = new Map<string, number>();
    for (const [file, input] of Object.entries(info.inputs)) {
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? file.split('/').slice(0, 4).join('/');
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
    }
    const largest = [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([pkg, bytes]) => `${pkg} ${Math.round(bytes / 1024)}`)
      .join(', ');
    const mark = (name === 'jobs' || name === 'results') && info.bytes >= TARGET_BYTES ? '  OVER TARGET' : '';
    console.log(
      `${name.padEnd(8)} ${String(info.bytes).padStart(9)} ${(info.bytes / 1024).toFixed(0).padStart(6)}  ${largest}${mark}`,
    );
  }
  console.log('target: jobs and results under 500 KB (500,000 bytes) each');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
