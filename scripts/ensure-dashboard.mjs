// `npm start` runs this first: builds the dashboard (packages/web/dist) when it is missing or older
// than its sources, so a fresh clone serves it at / with no extra step. A failed build is reported
// and the API still starts (it serves the JSON API without the dashboard).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'web');
const built = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.ts')];
const sourceTime = Math.max(
  ...sources.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)),
);
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

process.stdout.write('Building the dashboard (packages/web/dist)...\n');
const result = spawnSync('npm', ['run', 'build', '-w', '@data-scanner/web', '--silent'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (result.status !== 0) {
  process.stderr.write('The dashboard did not build; the API starts without it (see the error above).\n');
}
