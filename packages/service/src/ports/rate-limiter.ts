/** A token bucket: `perSecond` tokens added each second, at most `burst` held; a request takes one. */
export interface RateRule {
  perSecond: number;
  burst: number;
}

/** The outcome of taking a token. */
export interface RateDecision {
  allowed: boolean;
  /** When refused: milliseconds until a token is available. 0 when allowed. */
  retryAfterMs: number;
}

/** Token buckets by key (`ip:…`, `key:…`), shared by every API instance that uses the same backend. */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket. Never throws: a backend that cannot answer falls back. */
  take(key: string, rule: RateRule): Promise<RateDecision>;
}
