import type { RateDecision, RateRule } from '../ports/rate-limiter.ts';

/** A bucket's tokens as of `atMs`. */
export interface BucketState {
  tokens: number;
  atMs: number;
}

/**
 * Refills a bucket to `nowMs` and takes one token if a whole one is there. A missing bucket is full.
 * `redis-rate-limiter.ts` runs the same arithmetic in Lua; keep the two in step.
 */
export function takeToken(
  state: BucketState | undefined,
  rule: RateRule,
  nowMs: number,
): { state: BucketState; decision: RateDecision } {
  const elapsed = state ? Math.max(0, nowMs - state.atMs) : 0;
  const tokens = Math.min(rule.burst, (state?.tokens ?? rule.burst) + (elapsed * rule.perSecond) / 1000);
  if (tokens >= 1) {
    return { state: { tokens: tokens - 1, atMs: nowMs }, decision: { allowed: true, retryAfterMs: 0 } };
  }
  return {
    state: { tokens, atMs: nowMs },
    decision: { allowed: false, retryAfterMs: Math.ceil(((1 - tokens) * 1000) / rule.perSecond) },
  };
}

/** How long an untouched bucket takes to fill up again; after that it equals a missing one. */
export function refillMs(rule: RateRule): number {
  return Math.ceil((rule.burst * 1000) / rule.perSecond);
}
