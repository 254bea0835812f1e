import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstKeyCommand, profileStackName } from '../../lib/admin-command.ts';

const INFRA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN = `TASK=$(aws ecs run-task --cluster c --task-definition f --overrides '{"containerOverrides":[{"name":"api","command":["keys","create","--tenant","<tenant>","--secret","arn:s"]}]}') && aws secretsmanager get-secret-value --secret-id arn:s`;

describe('keys:create (the first key of a deployed stack)', () => {
  it('finds the stack name the profile deploys under', () => {
    expect(profileStackName('tiger', undefined)).toBe('tiger-fastapi');
    expect(profileStackName('astro', 'prod')).toBe('astro-prod');
    expect(() => profileStackName('tiger', 'prod')).toThrow(/always deploys its dev configuration/);
  });

  it('fills the tenant into the AdminCommand output', () => {
    expect(firstKeyCommand(ADMIN, 'acme.eu', 'tiger-fastapi')).toBe(ADMIN.replace('<tenant>', 'acme.eu'));
  });

  it('refuses a tenant name that is not a plain word, before any shell sees it', () => {
    expect(() => firstKeyCommand(ADMIN, "acme'; rm -rf ~; '", 'tiger-fastapi')).toThrow(
      /tenant "acme'; rm -rf ~; '" must be 1-63 letters/,
    );
  });

  it('refuses a stack without the command, or one deployed before keys went to a secret', () => {
    expect(() => firstKeyCommand('', 'acme', 'tiger-fastapi')).toThrow(/no AdminCommand output/);
    expect(() => firstKeyCommand(ADMIN.replace('"--secret","arn:s"', ''), 'acme', 'x')).toThrow(
      /prints the key into the task log/,
    );
  });

  it('reads the output with the AWS CLI and runs it for the tenant', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-create-'));
    try {
      // A stand-in AWS CLI: describe-stacks returns an AdminCommand that records what it would run.
      const fake = `#!/bin/sh
if [ "$1" = cloudformation ]; then
  echo "$@" > "${bin}/describe-args"
  echo "echo '\\"keys\\",\\"create\\",\\"--tenant\\",\\"<tenant>\\",\\"--secret\\",\\"arn:s\\"'"
fi
`;
      fs.writeFileSync(path.join(bin, 'aws'), fake, { mode: 0o755 });
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'bin/keys-create.ts', '--profile', 'tiger', '--tenant', 'acme'],
        { cwd: INFRA, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } },
      );
      expect(run.stderr).toContain('Creating the first key of tenant "acme" on tiger-fastapi');
      expect(run.stdout).toBe('"keys","create","--tenant","acme","--secret","arn:s"\n');
      expect(run.status).toBe(0);
      expect(fs.readFileSync(path.join(bin, 'describe-args'), 'utf8')).toContain(
        'describe-stacks --stack-name tiger-fastapi',
      );
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});
