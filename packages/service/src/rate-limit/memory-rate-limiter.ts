import type { RateDecision, RateLimiter, RateRule } from '../ports/rate-limiter.ts';
import { type BucketState, refillMs, takeToken } from './token-bucket.ts';

/** Buckets held before full (idle) ones are swept. */
const SWEEP_AT = 10_000;

/** Options of `MemoryRateLimiter`. */
export interface MemoryRateLimiterOptions {
  /** Clock in milliseconds. @default performance.now */
  now?: () => number;
  /**
   * Processes sharing the traffic of one limit (`serve --workers N` without Redis): each enforces
   * 1/N of every rule's rate and burst (a burst at least 1), so together they stay within it. @default 1
   */
  processes?: number;
}

/** One process's share of a rule. */
export function shareOf(rule: RateRule, processes: number): RateRule {
  if (processes <= 1) return rule;
  return { perSecond: rule.perSecond / processes, burst: Math.max(1, rule.burst / processes) };
}

/**
 * Token buckets in this process: the limiter without Redis, and the fallback while Redis is away
 * (each API instance then enforces the limit on its own share of the traffic). With
 * `processes: N` each bucket holds this process's share of the rule.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { state: BucketState; idleMs: number }>();
  private readonly shares = new WeakMap<RateRule, RateRule>();
  private sweptAt = 0;
  private readonly now: () => number;
  private readonly processes: number;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    const processes = options.processes ?? 1;
    if (!Number.isInteger(processes) || processes < 1) {
      throw new Error(`processes must be an integer >= 1 (got ${processes})`);
    }
    this.processes = processes;
  }

  async take(key: string, rule: RateRule): Promise<RateDecision> {
    const now = this.now();
    if (this.buckets.size >= SWEEP_AT && now - this.sweptAt >= 1000) this.sweep(now);
    const share = this.share(rule);
    const { state, decision } = takeToken(this.buckets.get(key)?.state, share, now);
    this.buckets.set(key, { state, idleMs: refillMs(share) });
    return decision;
  }

  private share(rule: RateRule): RateRule {
    let share = this.shares.get(rule);
    if (!share) {
      share = shareOf(rule, this.processes);
      this.shares.set(rule, share);
    }
    return share;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.state.atMs >= bucket.idleMs) this.buckets.delete(key);
    }
  }
}
