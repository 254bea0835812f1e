import { SignalJobEvents } from './events/job-events.ts';
import type { SharedState } from './ports/shared-state.ts';
import { MemoryRateLimiter } from './rate-limit/memory-rate-limiter.ts';
import { MemorySignals } from './signals/memory-signals.ts';

/** Without Redis a worker in another process never signals, so job waits re-check this often. */
const LOCAL_RECHECK_MS = 2000;

/**
 * This process's own shared state (no Redis): in-process rate limits and job events, no cache.
 * Kept apart from `createSharedState` so code that never uses Redis (the Lambda functions) does
 * not load its client. `processes`: API processes sharing the traffic, each limiting to its share.
 */
export function createMemorySharedState(processes = 1): SharedState {
  return {
    rateLimiter: new MemoryRateLimiter({ processes }),
    cache: undefined,
    wakeups: undefined,
    jobEvents: new SignalJobEvents({ signals: new MemorySignals(), recheckMs: LOCAL_RECHECK_MS }),
    redis: undefined,
    close: async () => {},
  };
}
