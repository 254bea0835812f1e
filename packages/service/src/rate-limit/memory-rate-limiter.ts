import type { RateDecision, RateLimiter, RateRule } from '../ports/rate-limiter.ts';
import { type BucketState, refillMs, takeToken } from './token-bucket.ts';

/** Buckets held before full (idle) ones are swept. */
const SWEEP_AT = 10_000;

/**
 * Token buckets in this process: the limiter without Redis, and the fallback while Redis is away
 * (each API instance then enforces the limit on its own share of the traffic).
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { state: BucketState; idleMs: number }>();
  private sweptAt = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  async take(key: string, rule: RateRule): Promise<RateDecision> {
    const now = this.now();
    if (this.buckets.size >= SWEEP_AT && now - this.sweptAt >= 1000) this.sweep(now);
    const { state, decision } = takeToken(this.buckets.get(key)?.state, rule, now);
    this.buckets.set(key, { state, idleMs: refillMs(rule) });
    return decision;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.state.atMs >= bucket.idleMs) this.buckets.delete(key);
    }
  }
}
