#!/usr/bin/env node
// Runs the esbuild output (`dist/cli.mjs`, made by `npm run build -w @data-scanner/service`, by
// `npm start` and by the container image). Outside production (NODE_ENV != production), with no
// build or with sources edited since it was made, it runs the TypeScript sources through tsx
// instead, so a fresh clone and a working copy always run their current code.
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

let main;
if (useBuild()) {
  ({ main } = await import(built.href));
} else if (process.env.NODE_ENV === 'production') {
  process.stderr.write(
    'data-scanner: no build at packages/service/dist; run `npm run build -w @data-scanner/service` (production never runs TypeScript through tsx)\n',
  );
  process.exit(2);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
