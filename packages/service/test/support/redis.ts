import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Logger } from '../../src/log.ts';
import { type LocalRedis, startLocalRedis } from '../../src/redis/local-redis-server.ts';

/** A redis-server for one test file, emptied before each test; `admin` is a plain client of it. */
export interface TestRedis extends LocalRedis {
  password: string;
  admin: Redis;
}

/**
 * Registers hooks running one throwaway redis-server (127.0.0.1, free port, `--save ''
 * --appendonly no`, an auth token) for the file, flushed before each test and killed afterwards.
 */
export function useTestRedis(): () => TestRedis {
  let current: TestRedis | undefined;
  beforeAll(async () => {
    const password = 'test-auth-token-0123456789';
    const server = await startLocalRedis({ password });
    const admin = new Redis({ port: server.port, host: '127.0.0.1', password, lazyConnect: true });
    admin.on('error', () => {});
    current = { ...server, password, admin };
  });
  beforeEach(async () => {
    await current?.admin.flushall();
  });
  afterAll(async () => {
    current?.admin.disconnect();
    await current?.stop();
  });
  return () => {
    if (!current) throw new Error('useTestRedis(): only inside tests');
    return current;
  };
}

/** A logger writing JSON lines into `lines`. */
export function captureLogs(level = 'info'): { lines: Record<string, unknown>[]; logger: Logger } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}
