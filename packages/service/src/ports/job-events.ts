/** Waits for changes of one job; close it when done. */
export interface JobWatch {
  /**
   * Resolves true at the first change since the watch began or since the previous `next()` resolved,
   * false when `ms` pass or `signal` aborts first. May resolve false early: callers re-read and decide.
   */
  next(ms: number, signal?: AbortSignal): Promise<boolean>;
  close(): void;
}

/** Job change notifications: the job store announces writes, readers drop cached copies and wake. */
export interface JobEvents {
  /** After a write to the job's row: cached views of it go stale and watchers wake. Never throws. */
  changed(jobId: string): Promise<void>;
  /** Starts watching `jobId`; resolves once changes made from now on will be seen. */
  watch(jobId: string): Promise<JobWatch>;
}
