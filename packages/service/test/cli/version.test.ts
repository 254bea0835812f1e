import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';

describe('data-scanner --version', () => {
  it.each(['--version', '-V'])('%s prints the package version and exits 0', async (flag) => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, flag]);
    expect(stdout).toBe(`${version}\n`);
    expect(stderr).toBe('');
  });
});
