import type { MiddlewareHandler } from 'hono';
import type { RateRule } from '../ports/rate-limiter.ts';
import type { ApiEnv, ApiRateLimit } from './api-env.ts';
import { clientIp, ipBucket } from './client-ip.ts';
import { HttpError } from './http-error.ts';

/** Load balancers' health checks must never be refused, whatever the traffic. */
const EXEMPT = /^(\/api)?\/healthz?$/;

async function take(limit: ApiRateLimit, key: string, rule: RateRule): Promise<void> {
  const decision = await limit.limiter.take(key, rule);
  if (decision.allowed) return;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw new HttpError(429, 'rate_limited', `Too many requests; retry in ${seconds} s`, [], {
    'Retry-After': String(seconds),
  });
}

/** Middleware: the per-IP token bucket, before any route (and authentication) runs. */
export function limitByClientIp(limit: ApiRateLimit): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const ip = limit.perIp && !EXEMPT.test(c.req.path) ? clientIp(c, limit.trustProxy) : undefined;
    if (limit.perIp && ip) await take(limit, `ip:${ipBucket(ip)}`, limit.perIp);
    await next();
  };
}

/**
 * The per-caller token bucket, once `authenticate` knows who calls: `caller` is the key's public
 * prefix (`key:dsk_…`, never the secret) or, for a JWT, the tenant (`tenant:<id>`).
 */
export async function limitCaller(limit: ApiRateLimit | undefined, caller: string): Promise<void> {
  if (limit?.perKey) await take(limit, caller, limit.perKey);
}
