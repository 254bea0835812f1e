import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSynthCli } from '../../lib/synth-cli.ts';

const INFRA = path.resolve(import.meta.dirname, '../..');

/** Runs the synth CLI with no AWS credentials, no home config and no docker on PATH. */
function synth(args: string[]) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: path.dirname(process.execPath),
    HOME: home,
    DATA_SCANNER_LAMBDA_BUNDLES: process.env.DATA_SCANNER_LAMBDA_BUNDLES,
  };
  return spawnSync(process.execPath, ['--import', 'tsx', 'bin/synth.ts', ...args], {
    cwd: INFRA,
    env,
    encoding: 'utf8',
  });
}

describe('npm run synth', () => {
  it('writes the profile template offline, with the image staged as a Docker asset', () => {
    expect(fs.existsSync(path.join(path.dirname(process.execPath), 'docker'))).toBe(false);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-synth-'));
    const result = synth([
      '--profile',
      'web-service',
      '--env',
      'staging',
      '--out',
      out,
      '--option',
      'certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/example',
    ]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const file = path.join(out, 'fastapi-app-staging.template.json');
    expect(result.stdout.trim()).toBe(path.relative(INFRA, file));
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(template.Resources).length).toBeGreaterThan(50);
    const assets = JSON.parse(fs.readFileSync(path.join(out, 'fastapi-app-staging.assets.json'), 'utf8'));
    const images = Object.values(assets.dockerImages) as {
      source: { directory: string; dockerFile: string };
    }[];
    expect(images).toHaveLength(1);
    expect(images[0]?.source.dockerFile).toBe('Dockerfile');
    const context = path.join(out, images[0]?.source.directory ?? '');
    expect(fs.existsSync(path.join(context, 'Dockerfile'))).toBe(true);
    expect(fs.existsSync(path.join(context, 'node_modules'))).toBe(false);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('uses a deployer-named image instead of the asset', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-synth-'));
    const result = synth([
      '--profile',
      'web-service',
      '--out',
      out,
      '--image',
      'public.ecr.aws/example/data-scanner:1.2.3',
      '--option',
      'allowHttp=true',
    ]);
    expect(result.status).toBe(0);
    const template = fs.readFileSync(path.join(out, 'fastapi-app-dev.template.json'), 'utf8');
    expect(template).toContain('public.ecr.aws/example/data-scanner:1.2.3');
    const assets = JSON.parse(fs.readFileSync(path.join(out, 'fastapi-app-dev.assets.json'), 'utf8'));
    expect(Object.keys(assets.dockerImages ?? {})).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('exits 2 with the reason on stderr and nothing on stdout (the process)', () => {
    const result = synth(['--profile', 'nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^synth: Unknown profile "nope": choose one of .*data-scanner/);
    expect(result.stdout).toBe('');
  });

  // The same entry point in this process: a CLI process per case would import aws-cdk-lib each time.
  it.each([
    [['--profile', 'nope'], /Unknown profile "nope": choose one of .*data-scanner.*web-service/],
    [['--profile', 'web-service', '--env', 'qa'], /Unknown env "qa": choose one of dev, staging, prod/],
    [['--env', 'qa'], /--profile is required/],
    [['--profile', 'data-scanner', '--option', 'sshCidr=0.0.0.0/0'], /opens SSH to the internet/],
    [['--profile', 'web-service'], /over plain HTTP[\s\S]*certificateArn[\s\S]*allowHttp=true/],
    [['--profile', 'tiger', '--env', 'prod'], /tiger always deploys its dev configuration/],
  ])('exits 2 with a reason for %j', (args, reason) => {
    const out = { stdout: '', stderr: '' };
    const status = runSynthCli(args, {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
    });
    expect(status).toBe(2);
    expect(out.stderr).toMatch(reason);
    expect(out.stderr).toMatch(/^synth: /);
    expect(out.stdout).toBe('');
  });
});
