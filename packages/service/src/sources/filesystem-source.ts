import { constants, type Dir, type Dirent, type Stats } from 'node:fs';
import { open, opendir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ObjectSource, OpenedObject, SourceObject, UnscannableEntry } from '../ports/object-source.ts';
import { excludeMatcher } from './exclude-matcher.ts';
import { SourceError } from './source-error.ts';

/** Bytes a file is read in (see `read`). */
const READ_CHUNK_BYTES = 128 * 1024;

/** Options of the filesystem source. */
export interface FilesystemSourceOptions {
  /** Folders a local scan may read. Anything outside them (after resolving symlinks) is refused. */
  roots: readonly string[];
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function hasDotDot(p: string): boolean {
  return p.split(/[\\/]+/).includes('..');
}

function fsError(err: unknown, what: string): SourceError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new SourceError('NOT_FOUND', `${what} does not exist`);
  if (code === 'EACCES' || code === 'EPERM')
    return new SourceError('ACCESS_DENIED', `${what} is not readable`);
  return new SourceError('READ_ERROR', `${what} could not be read (${code ?? 'error'})`, { cause: err });
}

/** What kind of special file an entry is, for the reason detail. */
function specialKind(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

type Listed =
  | { key: string; kind: 'dir' | 'file'; real?: string }
  | { key: string; kind: 'unscannable'; entry: UnscannableEntry };

const skipped = (key: string, reason: UnscannableEntry['reason'], detail: string): Listed => ({
  key,
  kind: 'unscannable',
  entry: { status: 'SKIPPED', reason, detail },
});

/** Resolves the configured roots to real paths; roots that do not exist are ignored. */
async function realRoots(roots: readonly string[]): Promise<string[]> {
  const resolved: string[] = [];
  for (const root of roots) {
    if (!path.isAbsolute(root)) continue;
    try {
      resolved.push(await realpath(root));
    } catch {
      // A missing root cannot contain anything.
    }
  }
  return resolved;
}

/** Turns `file:///abs/path` or `/abs/path` into an absolute path, refusing `..` segments. */
export function parseFileUri(uri: string): string {
  let p: string;
  if (uri.startsWith('file:')) {
    if (/(^|\/)\.\.(\/|$)/.test(uri.slice('file:'.length))) {
      throw new SourceError('INVALID_SOURCE', `source ${uri} contains '..'; give the folder's absolute path`);
    }
    try {
      p = fileURLToPath(uri);
    } catch {
      throw new SourceError(
        'INVALID_SOURCE',
        `source ${uri} is not a valid file:// URI (use file:///abs/path)`,
      );
    }
  } else {
    p = uri;
  }
  if (!path.isAbsolute(p)) {
    throw new SourceError('INVALID_SOURCE', `source ${uri} is not an absolute path (use file:///abs/path)`);
  }
  if (hasDotDot(p)) {
    throw new SourceError('INVALID_SOURCE', `source ${uri} contains '..'; give the folder's absolute path`);
  }
  return path.normalize(p);
}

/**
 * A local folder (or single file) under one of the configured roots. Every path is checked
 * with `realpath` against the roots, so `..` and symlinks cannot reach outside them.
 */
export class FilesystemSource implements ObjectSource {
  readonly uri: string;
  /** Real path of the scanned folder (or of the folder holding the scanned file). */
  readonly base: string;
  private readonly roots: string[];
  private readonly singleFile: string | undefined;

  private constructor(uri: string, base: string, roots: string[], singleFile: string | undefined) {
    this.uri = uri;
    this.base = base;
    this.roots = roots;
    this.singleFile = singleFile;
  }

  /** Opens a source after checking it lies inside a configured root. */
  static async create(uri: string, options: FilesystemSourceOptions): Promise<FilesystemSource> {
    const requested = parseFileUri(uri);
    const roots = await realRoots(options.roots);
    if (roots.length === 0) {
      throw new SourceError(
        'OUTSIDE_ROOT',
        'no local roots are configured; set DATA_SCANNER_LOCAL_ROOTS to the folders local scans may read',
      );
    }
    let real: string;
    try {
      real = await realpath(requested);
    } catch (err) {
      throw fsError(err, `source ${requested}`);
    }
    if (!roots.some((root) => isInside(real, root))) {
      throw new SourceError(
        'OUTSIDE_ROOT',
        `source ${requested} is outside the allowed roots (${options.roots.join(', ')})`,
      );
    }
    const info = await stat(real).catch((err) => {
      throw fsError(err, `source ${requested}`);
    });
    const normalised = pathToFileURL(requested).href;
    if (info.isFile())
      return new FilesystemSource(normalised, path.dirname(real), roots, path.basename(real));
    if (!info.isDirectory()) {
      throw new SourceError('INVALID_SOURCE', `source ${requested} is neither a folder nor a regular file`);
    }
    return new FilesystemSource(normalised, real, roots, undefined);
  }

  private insideRoots(real: string): boolean {
    return this.roots.some((root) => isInside(real, root));
  }

  /** Resolves a key to a real path inside the roots, or throws a SourceError. */
  async resolve(key: string): Promise<string> {
    if (key === '' || key.includes('\0') || path.isAbsolute(key) || hasDotDot(key)) {
      throw new SourceError(
        'OUTSIDE_ROOT',
        `key ${JSON.stringify(key)} must be a relative path without '..'`,
      );
    }
    let real: string;
    try {
      real = await realpath(path.join(this.base, key));
    } catch (err) {
      throw fsError(err, `object ${key}`);
    }
    if (!this.insideRoots(real)) {
      throw new SourceError('OUTSIDE_ROOT', `object ${key} resolves outside the allowed roots (symlink)`);
    }
    return real;
  }

  async *list(options: { exclude?: string[]; signal?: AbortSignal } = {}): AsyncIterable<SourceObject> {
    const excluded = excludeMatcher(options.exclude);
    if (this.singleFile !== undefined) {
      if (!excluded(this.singleFile)) yield await this.head(this.singleFile);
      return;
    }
    const visited = new Set<string>([this.base]);
    const pending: string[] = [''];
    while (pending.length > 0) {
      options.signal?.throwIfAborted();
      const rel = pending.shift() as string;
      let dir: Dir;
      try {
        dir = await opendir(path.join(this.base, rel));
      } catch (err) {
        const failure = fsError(err, `folder ${rel || '.'}`);
        if (rel === '') throw failure;
        // One folder that cannot be opened is reported and the rest of the tree is still listed.
        const reason =
          failure.code === 'ACCESS_DENIED' || failure.code === 'NOT_FOUND' ? failure.code : 'READ_ERROR';
        yield { key: `${rel}/`, size: 0, unscannable: { status: 'FAILED', reason, detail: failure.message } };
        continue;
      }
      const entries: Listed[] = [];
      for await (const entry of dir) {
        const key = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) entries.push({ key, kind: 'dir' });
        else if (entry.isFile()) entries.push({ key, kind: 'file' });
        else if (entry.isSymbolicLink()) entries.push(await this.followLink(key));
        else entries.push(skipped(key, 'NOT_REGULAR_FILE', `${specialKind(entry)} is not read`));
      }
      entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const entry of entries) {
        if (excluded(entry.key)) continue;
        if (entry.kind === 'unscannable') {
          yield { key: entry.key, size: 0, unscannable: entry.entry };
          continue;
        }
        if (entry.kind === 'dir') {
          const real = entry.real ?? (await realpath(path.join(this.base, entry.key)).catch(() => undefined));
          if (real === undefined || visited.has(real)) continue;
          visited.add(real);
          pending.push(entry.key);
          continue;
        }
        const info = await stat(path.join(this.base, entry.key)).catch(() => undefined);
        if (!info?.isFile()) continue;
        yield {
          key: entry.key,
          size: info.size,
          lastModified: info.mtime,
          inode: info.ino,
          locator: path.join(this.base, entry.key),
        };
      }
    }
  }

  /** A symlink met while listing: followed when it stays inside the roots, else reported SKIPPED. */
  private async followLink(key: string): Promise<Listed> {
    let real: string;
    try {
      real = await realpath(path.join(this.base, key));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return skipped(key, 'BROKEN_SYMLINK', `symlink cannot be resolved (${code})`);
    }
    if (!this.insideRoots(real))
      return skipped(key, 'OUTSIDE_ROOT', 'symlink leads outside the allowed roots');
    const info = await stat(real).catch(() => undefined);
    if (info?.isDirectory()) return { key, kind: 'dir', real };
    if (info?.isFile()) return { key, kind: 'file', real };
    return skipped(key, 'NOT_REGULAR_FILE', `symlink to ${info ? specialKind(info) : 'nothing'} is not read`);
  }

  /** Current metadata of one object (size, etag, version); not part of `ObjectSource`. */
  async head(key: string): Promise<SourceObject> {
    const real = await this.resolve(key);
    const info = await stat(real).catch((err) => {
      throw fsError(err, `object ${key}`);
    });
    if (!info.isFile()) throw new SourceError('NOT_FOUND', `object ${key} is not a regular file`);
    return {
      key,
      size: info.size,
      lastModified: info.mtime,
      inode: info.ino,
      locator: path.join(this.base, key),
    };
  }

  async read(object: SourceObject, options: { signal?: AbortSignal } = {}): Promise<OpenedObject> {
    const real = await this.resolve(object.key);
    // O_NONBLOCK: a FIFO put in a file's place opens at once (and is refused below) instead of waiting for a writer.
    const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(
      (err) => {
        throw fsError(err, `object ${object.key}`);
      },
    );
    try {
      // What was opened, not what the path said a moment ago: a folder swapped for a symlink in between is caught here.
      const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => real);
      if (!this.insideRoots(opened)) {
        throw new SourceError(
          'OUTSIDE_ROOT',
          `object ${object.key} resolves outside the allowed roots (symlink)`,
        );
      }
      const info = await handle.stat();
      if (!info.isFile()) throw new SourceError('NOT_FOUND', `object ${object.key} is not a regular file`);
      // 128 KiB reads: a read buffer is scanned and dropped before two young-generation collections
      // pass, so it is not promoted. Promoted 1 MiB buffers are off-heap memory only a full
      // collection frees, and V8 ran one every ~20 MB scanned (a sixth of a scan thread's time);
      // 64 KiB reads cost the thread more in read calls and promote no less.
      const stream = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES, signal: options.signal });
      return { stream, size: info.size };
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw err;
    }
  }

  async readRange(
    object: SourceObject,
    start: number,
    end: number,
    _options: { signal?: AbortSignal } = {},
  ): Promise<Uint8Array> {
    if (end <= start) return new Uint8Array(0);
    const real = await this.resolve(object.key);
    const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW).catch((err) => {
      throw fsError(err, `object ${object.key}`);
    });
    try {
      const size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.max(0, Math.min(end, size) - start));
      let at = 0;
      while (at < buffer.length) {
        const { bytesRead } = await handle.read(buffer, at, buffer.length - at, start + at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      return buffer.subarray(0, at);
    } catch (err) {
      throw fsError(err, `object ${object.key}`);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
}
