import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../lib/arch/template.ts';
import { dataAndEdge } from './fixtures/data-edge.ts';
import { networkAndWorker } from './fixtures/fragments.ts';

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function assembly(template: CfnTemplate): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arch-cli-'));
  fs.writeFileSync(path.join(dir, 'demo-dev.template.json'), JSON.stringify(template));
  return dir;
}

function arch(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bin/arch.ts', ...args], {
    cwd: PKG,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: PKG },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const merged: CfnTemplate = {
  Parameters: networkAndWorker.Parameters,
  Resources: { ...networkAndWorker.Resources, ...dataAndEdge.Resources },
};

describe('arch CLI', () => {
  it('check exits 1 and names each violation', () => {
    const r = arch(['check', '--profile', 'demo', '--env', 'prod', '--templates', assembly(merged)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL tls-only-bucket');
    expect(r.stdout).toContain('- bucket Open: no policy denying requests without TLS');
    expect(r.stdout).toMatch(/Result: \d+ violation\(s\)/);
  });

  it('check exits 0 when nothing is violated', () => {
    const clean: CfnTemplate = { Resources: { Vpc: networkAndWorker.Resources!.Vpc8378EB38! } };
    const r = arch(['check', '--profile', 'demo', '--env', 'dev', '--templates', assembly(clean)]);
    expect(r.stdout).toContain('Result: no violations');
    expect(r.code).toBe(0);
  });

  it('docs writes the document to --out; bad input exits 2 with a one-line reason', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arch-doc-')), 'demo.md');
    const ok = arch(['docs', '--profile', 'demo', '--templates', assembly(merged), '--out', out]);
    expect(ok.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('```mermaid');
    const bad = arch(['audit', '--profile', 'demo']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^arch: give a command: docs, cost or check/);
    const missing = arch(['docs', '--profile', 'demo', '--templates', '/nonexistent-dir']);
    expect(missing.code).toBe(2);
  });
});
