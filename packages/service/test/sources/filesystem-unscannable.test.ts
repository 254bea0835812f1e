import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceObject } from '../../src/ports/object-source.ts';
import { FilesystemSource } from '../../src/sources/index.ts';

let tmp: string;
let root: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'fs-unscannable-'));
  root = path.join(tmp, 'root');
  await mkdir(path.join(root, 'data/sub'), { recursive: true });
  await mkdir(path.join(tmp, 'outside'));
  await writeFile(path.join(tmp, 'outside/secret.txt'), 'do not read');
  await writeFile(path.join(root, 'data/a.txt'), 'alpha');
  execFileSync('mkfifo', [path.join(root, 'data/pipe')]);
  execFileSync('mkfifo', [path.join(root, 'data/sub/inner-pipe')]);
  await symlink(path.join(tmp, 'outside/secret.txt'), path.join(root, 'data/escape.txt'));
  await symlink(path.join(tmp, 'outside'), path.join(root, 'data/escape-dir'));
  await symlink(path.join(root, 'data/gone.txt'), path.join(root, 'data/dangling.txt'));
  await symlink(path.join(root, 'data/pipe'), path.join(root, 'data/link-to-pipe'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function listed(source: FilesystemSource, exclude?: string[]): Promise<SourceObject[]> {
  const out: SourceObject[] = [];
  for await (const o of source.list({ exclude })) out.push(o);
  return out;
}

describe('FilesystemSource: entries it does not read', () => {
  it('lists FIFOs and symlinks leaving the root or dangling as SKIPPED with a reason, never silently', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data'), { roots: [root] });
    const objects = await listed(source);
    expect(Object.fromEntries(objects.map((o) => [o.key, o.unscannable ?? 'scan']))).toEqual({
      'a.txt': 'scan',
      'dangling.txt': {
        status: 'SKIPPED',
        reason: 'BROKEN_SYMLINK',
        detail: 'symlink cannot be resolved (ENOENT)',
      },
      'escape-dir': {
        status: 'SKIPPED',
        reason: 'OUTSIDE_ROOT',
        detail: 'symlink leads outside the allowed roots',
      },
      'escape.txt': {
        status: 'SKIPPED',
        reason: 'OUTSIDE_ROOT',
        detail: 'symlink leads outside the allowed roots',
      },
      'link-to-pipe': {
        status: 'SKIPPED',
        reason: 'NOT_REGULAR_FILE',
        detail: 'symlink to a FIFO (named pipe) is not read',
      },
      pipe: { status: 'SKIPPED', reason: 'NOT_REGULAR_FILE', detail: 'a FIFO (named pipe) is not read' },
      'sub/inner-pipe': {
        status: 'SKIPPED',
        reason: 'NOT_REGULAR_FILE',
        detail: 'a FIFO (named pipe) is not read',
      },
    });
  });

  it('exclude globs apply to them as to files', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data'), { roots: [root] });
    expect((await listed(source, ['**/*pipe*', 'escape*'])).map((o) => o.key)).toEqual([
      'a.txt',
      'dangling.txt',
    ]);
  });

  it('reading a FIFO put where a file was listed fails at once instead of waiting for a writer', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data'), { roots: [root] });
    await expect(source.read({ key: 'pipe', size: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
