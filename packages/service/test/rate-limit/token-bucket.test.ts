import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter, shareOf } from '../../src/rate-limit/memory-rate-limiter.ts';
import { refillMs, takeToken } from '../../src/rate-limit/token-bucket.ts';

const rule = { perSecond: 2, burst: 3 };

describe('token bucket', () => {
  it('starts full, refuses once empty with the wait for the next token, and refills at the rate', () => {
    let state = takeToken(undefined, rule, 0).state;
    state = takeToken(state, rule, 0).state;
    state = takeToken(state, rule, 0).state;
    const refused = takeToken(state, rule, 100);
    // 0.2 tokens after 100 ms at 2/s: 0.8 more take 400 ms.
    expect(refused.decision).toEqual({ allowed: false, retryAfterMs: 400 });
    expect(takeToken(refused.state, rule, 500).decision).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it('never holds more than the burst, however long a bucket rests', () => {
    let state = takeToken(undefined, rule, 0).state;
    for (let i = 0; i < 2; i++) state = takeToken(state, rule, 3_600_000).state;
    expect(state.tokens).toBe(1);
    expect(refillMs(rule)).toBe(1500);
  });

  it('keeps one bucket per key in process', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({ now: () => now });
    const taken = [];
    for (let i = 0; i < 4; i++) taken.push((await limiter.take('key:a', rule)).allowed);
    expect(taken).toEqual([true, true, true, false]);
    expect((await limiter.take('key:b', rule)).allowed).toBe(true);
    now += 500;
    expect((await limiter.take('key:a', rule)).allowed).toBe(true);
  });

  it("holds one process's share of the rule when N processes split the traffic", async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({ now: () => now, processes: 2 });
    const big = { perSecond: 10, burst: 6 };
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push((await limiter.take('key:a', big)).allowed);
    expect(taken).toEqual([true, true, true, false, false]);
    // 5 tokens a second here: the next one comes 200 ms later, not 100.
    expect(await limiter.take('key:a', big)).toEqual({ allowed: false, retryAfterMs: 200 });
    now += 200;
    expect((await limiter.take('key:a', big)).allowed).toBe(true);
    expect(shareOf(rule, 1)).toBe(rule);
    expect(shareOf(rule, 2)).toEqual({ perSecond: 1, burst: 1.5 });
    expect(shareOf(rule, 8)).toEqual({ perSecond: 0.25, burst: 1 });
    expect(() => new MemoryRateLimiter({ processes: 0 })).toThrow('processes must be an integer >= 1');
  });
});
