import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../../src/worker/scan-worker.ts';
import {
  EcsTaskProtection,
  NO_TASK_PROTECTION,
  taskProtectionFor,
} from '../../src/worker/task-protection.ts';
import { startReceiver } from '../notify/fixtures.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
const logger = createLogger({ level: 'silent' });
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'protection-root-'));
  await writeFile(path.join(root, 'a.txt'), 'hello\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('ECS task scale-in protection', () => {
  it('is on while each message is processed and off between messages', async () => {
    const jobs = new PgJobStore(db().pool);
    // The fake ECS agent records, with each call, whether the job had finished yet.
    const states: string[] = [];
    let jobId = '';
    const agent = await startReceiver(() => ({ status: 200, body: '{"protection":{}}' }));
    const protection = new EcsTaskProtection({ agentUri: agent.url, minutes: 30, logger });
    const tracked = {
      protect: async () => {
        await protection.protect();
        states.push(`on:${await jobs.jobStatus(jobId)}`);
      },
      release: async () => {
        states.push(`off:${await jobs.jobStatus(jobId)}`);
        await protection.release();
      },
    };
    const tenant = await new PgTenantStore(db().pool).ensureTenant('acme');
    const queue = new PgQueue(db().pool, { name: 'scan', pollMs: 20 });
    const job = await jobs.createJob({ tenantId: tenant.id, source: pathToFileURL(root).href });
    jobId = job.id;
    await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
    const worker = new ScanWorker(
      {
        jobs,
        queue,
        openSource: (uri) => createSource(uri, { roots: [root] }),
        engineFor: scannerFactory('k'),
        logger,
        limits: { maxObjects: 10, maxBytes: 1 << 20 },
        concurrency: 1,
        taskProtection: tracked,
      },
      { visibilitySeconds: 30, maxReceives: 3, waitSeconds: 1, idleMs: 20 },
    ).start();
    while ((await jobs.jobStatus(job.id)) !== 'succeeded') await new Promise((r) => setTimeout(r, 20));
    await worker.drain(5000);
    await agent.close();

    // Plan message, then the shard message: protected for each, released after each.
    expect(states).toEqual(['on:queued', 'off:scanning', 'on:scanning', 'off:succeeded']);
    expect(agent.requests.map((r) => [r.path, JSON.parse(r.body)])).toEqual([
      ['/task-protection/v1/state', { ProtectionEnabled: true, ExpiresInMinutes: 30 }],
      ['/task-protection/v1/state', { ProtectionEnabled: false }],
      ['/task-protection/v1/state', { ProtectionEnabled: true, ExpiresInMinutes: 30 }],
      ['/task-protection/v1/state', { ProtectionEnabled: false }],
    ]);
  });

  it('keeps working when the agent refuses, and is off unless asked for', async () => {
    const agent = await startReceiver(() => ({ status: 400, body: '{"error":"bad"}' }));
    const protection = new EcsTaskProtection({ agentUri: agent.url, minutes: 5, logger });
    await protection.protect();
    // Not protected (the agent refused), so release sends nothing.
    await protection.release();
    expect(agent.requests).toHaveLength(1);
    await agent.close();
    expect(taskProtectionFor({ mode: 'off', minutes: 5, agentUri: agent.url }, logger)).toBe(
      NO_TASK_PROTECTION,
    );
    expect(taskProtectionFor({ mode: 'ecs-agent', minutes: 5, agentUri: undefined }, logger)).toBe(
      NO_TASK_PROTECTION,
    );
    expect(taskProtectionFor({ mode: 'ecs-agent', minutes: 5, agentUri: agent.url }, logger)).toBeInstanceOf(
      EcsTaskProtection,
    );
  });
});
