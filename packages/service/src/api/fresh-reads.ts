interface Lane<T> {
  /** The read in flight. */
  current: Promise<T>;
  /** The read that starts once `current` settles, shared by everyone who asked meanwhile. */
  next: Promise<T> | undefined;
}

/**
 * Coalesces concurrent reads of one key without ever answering with data older than the request:
 * at most one read per key is in flight, and callers arriving meanwhile share the one read that
 * starts when it settles, so every caller's result was read after it asked (a client that wrote
 * and then reads sees its write). Many clients polling one running job cost one query per round.
 */
export class FreshReads<T> {
  private readonly lanes = new Map<string, Lane<T>>();

  /** `load()`'s result for `key`, from a read started after this call. */
  read(key: string, load: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(key);
    if (!lane) {
      const fresh: Lane<T> = { current: load(), next: undefined };
      this.lanes.set(key, fresh);
      this.advanceAfter(key, fresh);
      return fresh.current;
    }
    if (!lane.next) {
      const settled = () => undefined;
      lane.next = lane.current.then(settled, settled).then(load);
    }
    return lane.next;
  }

  /** When the lane's read settles, the waiting read becomes current, or the lane goes. */
  private advanceAfter(key: string, lane: Lane<T>): void {
    const advance = () => {
      if (lane.next) {
        lane.current = lane.next;
        lane.next = undefined;
        this.advanceAfter(key, lane);
      } else if (this.lanes.get(key) === lane) {
        this.lanes.delete(key);
      }
    };
    lane.current.then(advance, advance);
  }
}
