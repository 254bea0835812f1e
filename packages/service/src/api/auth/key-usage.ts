/** Options of `KeyUsage`. */
export interface KeyUsageOptions {
  /** A key's `last_used_at` is written at most once per this many ms (per process). @default 60000 */
  intervalMs?: number;
  /** Keys first used within this many ms of each other are written in one statement. @default 1000 */
  batchMs?: number;
  /** Called when a write fails; the keys are tried again on their next use. @default - ignored */
  onError?: (err: unknown) => void;
}

/**
 * Records when API keys are used without a write per request: a key is noted at most once per
 * interval, and the keys noted within one batch window are written together by `write`.
 */
export class KeyUsage {
  private readonly noted = new Map<string, number>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private readonly batchMs: number;

  constructor(
    private readonly write: (keyIds: string[]) => Promise<void>,
    private readonly options: KeyUsageOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.batchMs = options.batchMs ?? 1_000;
  }

  /** Notes one use of a key; cheap, never waits for the database. */
  note(keyId: string): void {
    const now = Date.now();
    const last = this.noted.get(keyId);
    if (last !== undefined && now - last < this.intervalMs) return;
    this.noted.set(keyId, now);
    this.pending.add(keyId);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.batchMs);
      this.timer.unref();
    }
  }

  /** Writes the keys noted since the last write (on a timer, and when the API stops). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.pending];
    this.pending = new Set();
    const cutoff = Date.now() - this.intervalMs;
    for (const [id, at] of this.noted) if (at < cutoff) this.noted.delete(id);
    if (ids.length === 0) return;
    try {
      await this.write(ids);
    } catch (err) {
      for (const id of ids) this.noted.delete(id);
      this.options.onError?.(err);
    }
  }
}
