import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The checkout's own bin, unlike the other CLI tests (support/cli.ts): it runs a fresh build or,
// with none or an older one, makes the build first and runs that, as `npx data-scanner` does here.
const BIN = fileURLToPath(new URL('../../bin/data-scanner.mjs', import.meta.url));

describe('data-scanner --version', () => {
  it.each(['--version', '-V'])('%s prints the package version and exits 0', async (flag) => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, flag]);
    expect(stdout).toBe(`${version}\n`);
    expect(stderr).toBe('');
  });
});
