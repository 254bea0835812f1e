import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { objectIdentity } from '../incremental/object-identity.ts';
import type { Logger } from '../log.ts';
import type { Queue } from '../ports/queue.ts';
import type { ArrivedObject, Watch, WatchStore } from '../ports/watch-store.ts';
import { excludeMatcher } from '../sources/exclude-matcher.ts';
import { FolderWatcher } from './folder-watcher.ts';

/** Files per `watch-objects` message, well under SQS's 256 KiB. */
const FILES_PER_MESSAGE = 200;

/** Entries read at most under a folder that appeared (moved in, or filled before it was watched). */
const MAX_FOLDER_ENTRIES = 100_000;

/** What `FolderWatches` needs. */
export interface FolderWatchesDeps {
  watches: Pick<WatchStore, 'folderWatches'>;
  queue: Pick<Queue, 'send'>;
  logger: Logger;
  /** Quiet time after the last change before files are sent. @default 1000 */
  settleMs?: number;
}

/** A changed path's file as arrived, or undefined when it is gone, not a regular file, or excluded. */
async function arrivedFile(
  folder: string,
  rel: string,
  excluded: (key: string) => boolean,
): Promise<ArrivedObject | undefined> {
  const key = rel.split(path.sep).join('/');
  if (excluded(key)) return undefined;
  const full = path.join(folder, rel);
  try {
    const info = await stat(full);
    if (!info.isFile()) return undefined;
    const locator = await realpath(full);
    const identity = objectIdentity({
      key,
      size: info.size,
      locator,
      inode: info.ino,
      lastModified: info.mtime,
    });
    return { key, size: info.size, ...(identity ? { identity } : {}) };
  } catch {
    // Deleted (or renamed away) before it was read: deletes remove nothing.
    return undefined;
  }
}

/**
 * The changed paths, with the files under a changed folder: a folder moved in (or filled before its
 * own notifications started) reports only itself.
 */
async function expand(folder: string, paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const rel of paths) {
    out.push(rel);
    const info = await stat(path.join(folder, rel)).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    const entries = await readdir(path.join(folder, rel), { recursive: true }).catch(() => []);
    for (const entry of entries.slice(0, MAX_FOLDER_ENTRIES)) out.push(path.join(rel, entry));
  }
  return [...new Set(out)];
}

/**
 * Follows every `file://` watch with file-system notifications (`FolderWatcher`, the one behind
 * `scan --watch`) and sends what changed to the scan queue as `watch-objects` messages, which the
 * worker adds to the watch's rolling job like S3 events. `sync()` follows new watches and lets
 * deleted ones go; the scheduler role calls it on every tick while it leads.
 */
export class FolderWatches {
  private readonly followed = new Map<string, FolderWatcher>();

  constructor(private readonly deps: FolderWatchesDeps) {}

  /** Ids of the watches followed now. */
  get following(): string[] {
    return [...this.followed.keys()];
  }

  /** Starts following new folder watches and stops following deleted ones. */
  async sync(): Promise<void> {
    const watches = await this.deps.watches.folderWatches();
    const wanted = new Set(watches.map((w) => w.id));
    for (const [id, watcher] of this.followed) {
      if (wanted.has(id)) continue;
      this.followed.delete(id);
      await watcher.close();
    }
    for (const watch of watches) {
      if (this.followed.has(watch.id)) continue;
      try {
        this.followed.set(watch.id, this.follow(watch));
      } catch (err) {
        this.deps.logger.warn(
          { watch_id: watch.id, err: (err as Error).message },
          'cannot follow the watched folder',
        );
      }
    }
  }

  private follow(watch: Watch): FolderWatcher {
    const folder = fileURLToPath(watch.source);
    const excluded = excludeMatcher(watch.exclude);
    const log = this.deps.logger.child({ watch_id: watch.id });
    const watcher = new FolderWatcher(folder, {
      ...(this.deps.settleMs !== undefined ? { settleMs: this.deps.settleMs } : {}),
      onChanges: async (paths) => {
        const changed = await expand(folder, paths);
        const files = (await Promise.all(changed.map((p) => arrivedFile(folder, p, excluded)))).filter(
          (f): f is ArrivedObject => f !== undefined,
        );
        const messages: string[] = [];
        for (let i = 0; i < files.length; i += FILES_PER_MESSAGE) {
          const objects = files.slice(i, i + FILES_PER_MESSAGE);
          messages.push(JSON.stringify({ type: 'watch-objects', watch_id: watch.id, objects }));
        }
        if (messages.length > 0) await this.deps.queue.send(messages);
      },
      onError: (err) => log.error({ err: (err as Error).message }, 'watched folder: changes not sent'),
    });
    log.info({ folder }, 'following watched folder');
    return watcher;
  }

  /** Stops following every folder. */
  async close(): Promise<void> {
    const watchers = [...this.followed.values()];
    this.followed.clear();
    await Promise.all(watchers.map((w) => w.close()));
  }
}
