/** A subscription to one channel. */
export interface Subscription {
  /**
   * Resolves once signals flow: true when subscribed, false when the backend cannot deliver them now
   * (the subscriber should then poll; it stays registered and resumes when the backend returns).
   */
  readonly ready: Promise<boolean>;
  close(): void;
}

/**
 * Payload-free wake-up signals by channel name ("something changed, look again"). A lost signal only
 * costs latency: whoever waits also re-checks the source of truth on its own schedule.
 */
export interface Signals {
  /** Signals every subscriber of `channel`. Never throws. */
  publish(channel: string): Promise<void>;
  /** Calls `listener` on each signal on `channel` until `close()`. */
  subscribe(channel: string, listener: () => void): Subscription;
}
