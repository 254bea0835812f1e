import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSource, FilesystemSource, SourceError } from '../../src/sources/index.ts';

let tmp: string;
let root: string;
let outside: string;

async function keys(source: FilesystemSource, exclude?: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const o of source.list({ exclude })) if (!o.unscannable) out.push(o.key);
  return out;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'fs-source-'));
  root = path.join(tmp, 'root');
  outside = path.join(tmp, 'outside');
  await mkdir(path.join(root, 'data/nested'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(root, 'data/a.txt'), 'alpha');
  await writeFile(path.join(root, 'data/nested/b.log'), 'bravo!');
  await writeFile(path.join(root, 'data/skip.tmp'), 'x');
  await writeFile(path.join(outside, 'secret.txt'), 'do not read');
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'data/escape.txt'));
  await symlink(outside, path.join(root, 'data/escape-dir'));
  await symlink(path.join(root, 'data/a.txt'), path.join(root, 'data/inside-link.txt'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('FilesystemSource', () => {
  it('lists files recursively with sizes; symlinks that leave the root are not scannable', async () => {
    const source = await FilesystemSource.create(pathToFileURL(path.join(root, 'data')).href, {
      roots: [root],
    });
    expect(await keys(source)).toEqual(['a.txt', 'inside-link.txt', 'skip.tmp', 'nested/b.log']);
    const listed = [];
    for await (const o of source.list()) listed.push(o);
    expect(listed.find((o) => o.key === 'nested/b.log')?.size).toBe(6);
  });

  it('honours exclude globs', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data'), { roots: [root] });
    expect(await keys(source, ['**/*.tmp', 'nested/**'])).toEqual(['a.txt', 'inside-link.txt']);
  });

  it('streams an object', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data'), { roots: [root] });
    const opened = await source.read({ key: 'nested/b.log', size: 6 });
    expect(opened.size).toBe(6);
    expect(await text(opened.stream)).toBe('bravo!');
  });

  it('refuses a source outside the configured roots', async () => {
    await expect(FilesystemSource.create(outside, { roots: [root] })).rejects.toMatchObject({
      code: 'OUTSIDE_ROOT',
      message: expect.stringContaining('outside the allowed roots'),
    });
  });

  it('refuses .. in the source URI even when it would land inside the root', async () => {
    const uri = `${pathToFileURL(root).href}/data/../data`;
    await expect(FilesystemSource.create(uri, { roots: [root] })).rejects.toMatchObject({
      code: 'INVALID_SOURCE',
    });
    await expect(FilesystemSource.create(`${root}/../outside`, { roots: [root] })).rejects.toThrow(/'\.\.'/);
  });

  it('refuses a source that is a symlink leaving the root', async () => {
    await expect(
      FilesystemSource.create(path.join(root, 'data/escape-dir'), { roots: [root] }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_ROOT' });
  });

  it('refuses keys with .., absolute keys and symlinks leaving the root on read and head', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data'), { roots: [root] });
    await expect(source.read({ key: '../../outside/secret.txt', size: 0 })).rejects.toMatchObject({
      code: 'OUTSIDE_ROOT',
    });
    await expect(source.read({ key: path.join(outside, 'secret.txt'), size: 0 })).rejects.toMatchObject({
      code: 'OUTSIDE_ROOT',
    });
    await expect(source.head('escape.txt')).rejects.toMatchObject({ code: 'OUTSIDE_ROOT' });
    await expect(source.read({ key: 'escape-dir/secret.txt', size: 0 })).rejects.toThrow(SourceError);
  });

  it('reports a missing object as NOT_FOUND', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data'), { roots: [root] });
    await expect(source.head('nope.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('scans a single file as a one-object source', async () => {
    const source = await FilesystemSource.create(path.join(root, 'data/a.txt'), { roots: [root] });
    expect(await keys(source)).toEqual(['a.txt']);
  });

  it('refuses everything when no root is configured', async () => {
    await expect(createSource(root, { roots: [] })).rejects.toThrow(/no local roots/);
  });

  it('refuses unknown schemes and relative paths', async () => {
    await expect(createSource('http://example.com/x', { roots: [root] })).rejects.toMatchObject({
      code: 'INVALID_SOURCE',
    });
    await expect(createSource('file:relative/x', { roots: [root] })).rejects.toBeInstanceOf(SourceError);
  });
});
