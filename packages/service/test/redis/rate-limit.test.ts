import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { handle } from 'hono/aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
import { lambdaContext, restEvent } from '../lambda/rest-event.ts';
import { useTestDatabase } from '../support/database.ts';
import { useTestRedis } from '../support/redis.ts';
import { type ApiInstance, apiInstance, bearer, redisEnv, useSharedStates } from './api-under-test.ts';

const db = useTestDatabase();
const redis = useTestRedis();
const ready = useSharedStates();
const servers: ReturnType<typeof serve>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  }
});

/** Three requests, then none for about 1000 s: a refill too slow to matter during a test. */
const THREE_PER_KEY = { RATE_LIMIT_PER_KEY: '0.001', RATE_LIMIT_PER_KEY_BURST: '3', RATE_LIMIT_PER_IP: '0' };
const THREE_PER_IP = { RATE_LIMIT_PER_IP: '0.001', RATE_LIMIT_PER_IP_BURST: '3', RATE_LIMIT_PER_KEY: '0' };

async function instance(env: Record<string, string>): Promise<ApiInstance> {
  const api = apiInstance(db().pool, env);
  await ready(api.shared);
  return api;
}

async function listen(api: ApiInstance): Promise<string> {
  const server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('rate limits shared through Redis', () => {
  it('holds one budget per API key across two API instances: then 429 with Retry-After and the error body', async () => {
    const { key } = await createApiKey(db().pool, 'acme');
    const env = { ...redisEnv(redis()), ...THREE_PER_KEY };
    const [a, b] = [await instance(env), await instance(env)];

    const statuses: number[] = [];
    for (const api of [a, b, a])
      statuses.push((await api.app.request('/jobs', { headers: bearer(key) })).status);
    const refused = await b.app.request('/jobs', { headers: bearer(key) });

    expect([...statuses, refused.status]).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(900);
    expect(retryAfter).toBeLessThanOrEqual(1000);
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: `Too many requests; retry in ${retryAfter} s`, details: [] },
    });
    const other = await createApiKey(db().pool, 'acme', 'second key');
    expect((await a.app.request('/jobs', { headers: bearer(other.key) })).status).toBe(200);
    const buckets = await redis().admin.keys('data-scanner:rate:*');
    expect(buckets.sort()).toEqual(
      [`data-scanner:rate:key:${key.slice(0, 16)}`, `data-scanner:rate:key:${other.key.slice(0, 16)}`].sort(),
    );
  });

  it('holds one budget per client address before authentication, across two Node servers; health checks pass', async () => {
    const env = { ...redisEnv(redis()), ...THREE_PER_IP };
    const [a, b] = [await listen(await instance(env)), await listen(await instance(env))];

    const statuses: number[] = [];
    for (const base of [a, b, a, b]) statuses.push((await fetch(`${base}/jobs`)).status);

    // Unauthenticated requests are counted too: the fourth is refused before authentication runs.
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await fetch(`${b}/jobs`, { headers: { 'x-forwarded-for': '198.51.100.9' } })).status).toBe(429);
    expect((await fetch(`${a}/health`)).status).toBe(200);
    expect((await fetch(`${b}/api/healthz`)).status).toBe(200);
  });
});

describe('rate limits without Redis (in-process)', () => {
  it('holds a budget per API key in the instance', async () => {
    const { key } = await createApiKey(db().pool, 'acme');
    const api = await instance(THREE_PER_KEY);
    expect(api.shared.redis).toBeUndefined();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api.app.request('/jobs', { headers: bearer(key) })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('counts the connection address, and X-Forwarded-For (right-most entry) only with TRUST_PROXY', async () => {
    const direct = await listen(await instance(THREE_PER_IP));
    const statuses: number[] = [];
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      statuses.push((await fetch(`${direct}/jobs`, { headers: { 'x-forwarded-for': client } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);

    const proxied = await listen(await instance({ ...THREE_PER_IP, TRUST_PROXY: 'true' }));
    const via = (forwardedFor: string) =>
      fetch(`${proxied}/jobs`, { headers: { 'x-forwarded-for': forwardedFor } }).then((r) => r.status);
    const first: number[] = [];
    for (const spoofed of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
      first.push(await via(`${spoofed}, 203.0.113.5`));
    }
    // What the client wrote on the left changes nothing; the proxy's entry on the right is the client.
    expect(first).toEqual([401, 401, 401, 429]);
    expect(await via('10.0.0.1, 203.0.113.6')).toBe(401);
  });

  it("counts API Gateway's sourceIp in Lambda", async () => {
    const api = await instance(THREE_PER_IP);
    const lambda = handle(api.app);
    const call = async (sourceIp: string) => {
      const event = restEvent({ method: 'GET', path: '/jobs', resource: '/jobs' });
      event.requestContext.identity.sourceIp = sourceIp;
      return ((await lambda(event as never, lambdaContext as never)) as { statusCode: number }).statusCode;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await call('203.0.113.7'));
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await call('203.0.113.8')).toBe(401);
  });
});
