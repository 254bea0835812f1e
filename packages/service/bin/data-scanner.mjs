#!/usr/bin/env node
// Runs the esbuild output (`dist/cli.mjs`, made by `npm run build -w @data-scanner/service`, by
// `npm start` and by the container image), never TypeScript. Outside production
// (NODE_ENV != production), with no build or with sources edited since it was made, it makes the
// build first (esbuild, about a second), so a fresh clone and a working copy run their current code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.mjs', import.meta.url);
const sources = ['../src/', '../../detect/src/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = `${dir}/${entry.name}`;
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function useBuild() {
  if (!existsSync(built)) return false;
  if (process.env.NODE_ENV === 'production') return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.every((dir) => newest(dir) <= builtAt);
}

if (!useBuild()) {
  if (process.env.NODE_ENV === 'production') {
    process.stderr.write(
      'data-scanner: no build at packages/service/dist; run `npm run build -w @data-scanner/service`\n',
    );
    process.exit(2);
  }
  // The build script is build tooling (esbuild through tsx); what runs below is its JavaScript.
  const script = fileURLToPath(new URL('../scripts/build.ts', import.meta.url));
  const made = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  if (made.status !== 0) {
    process.stderr.write(`${made.stdout ?? ''}${made.stderr ?? ''}`);
    process.stderr.write('data-scanner: the build failed; run `npm run build -w @data-scanner/service`\n');
    process.exit(2);
  }
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
