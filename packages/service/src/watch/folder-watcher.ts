import { type FSWatcher, watch } from 'node:fs';

/** Options of a FolderWatcher. */
export interface FolderWatcherOptions {
  /** Quiet time after the last change before `onChanges` runs, so a file being written is read once. @default 1000 */
  settleMs?: number;
  /** Called with the paths (relative to the folder) that changed; calls never overlap. */
  onChanges(paths: string[]): Promise<void>;
  /** Called when `onChanges` throws (the watcher goes on) or the watch itself fails (a removed folder). */
  onError(err: unknown): void;
}

/**
 * Follows a folder and everything under it with the platform's file-system notifications
 * (`fs.watch`, recursive: inotify on Linux, FSEvents on macOS) and reports the changed paths in
 * batches once writes have settled.
 */
export class FolderWatcher {
  private readonly watcher: FSWatcher;
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    folder: string,
    private readonly options: FolderWatcherOptions,
  ) {
    this.watcher = watch(folder, { recursive: true, persistent: true }, (_event, name) => {
      if (name) this.changed.add(name.toString());
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), options.settleMs ?? 1000);
    });
    this.watcher.on('error', options.onError);
  }

  private flush(): void {
    const paths = [...this.changed];
    this.changed.clear();
    if (paths.length === 0) return;
    this.running = this.running.then(() => this.options.onChanges(paths)).catch(this.options.onError);
  }

  /** Stops watching and waits for a batch in progress. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.watcher.close();
    await this.running;
  }
}
