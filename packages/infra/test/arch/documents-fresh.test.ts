import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allTargets, documentPath, renderDocument } from '../../lib/arch/analyse.ts';
import { synthesizeProfile } from '../../lib/arch/synthesize.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('committed architecture documents', () => {
  const cases = allTargets().map((t) => [`${t.profile}-${t.env}`, t] as const);
  it.each(cases)('docs/architecture/%s.md matches what the templates deploy', (_name, target) => {
    const file = documentPath(REPO_ROOT, target);
    expect(
      fs.existsSync(file),
      `${path.relative(REPO_ROOT, file)} is missing: run npm run arch -- docs --all`,
    ).toBe(true);
    const fresh = renderDocument(target, synthesizeProfile(target.profile, target.env, { nag: false }));
    const committed = fs.readFileSync(file, 'utf8');
    expect(
      committed === fresh,
      `${path.relative(REPO_ROOT, file)} is stale: run npm run arch -- docs --all`,
    ).toBe(true);
  });
});
