import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_ROLES, resolveRoles } from '../../src/roles/index.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { finishedJob, startReceiver, tenantId } from '../notify/fixtures.ts';
import { CLI } from '../support/cli.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function serve(
  roles: string,
  env: Record<string, string>,
): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, 'serve', '--role', roles], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: db().url,
      FINGERPRINT_KEY: 'test-key',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited };
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('roles', () => {
  it('expands all and comma-separated lists, and names an unknown role', () => {
    expect(resolveRoles('all')).toEqual([...ALL_ROLES]);
    expect(ALL_ROLES).toEqual(['api', 'worker', 'scheduler', 'notifier']);
    expect(resolveRoles('worker, scheduler,worker')).toEqual(['worker', 'scheduler']);
    expect(() => resolveRoles('worker,mailer')).toThrow(/unknown role "mailer"/);
  });

  it('serve --role scheduler,notifier fires a due schedule, delivers a webhook and answers /health', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    const tenant = await tenantId(db().pool);
    await db().pool.query(
      `INSERT INTO notification_settings (tenant_id, notify_when, webhook_url, webhook_secret)
       VALUES ($1, 'finished', $2, 'whsec_test')`,
      [tenant, receiver.url],
    );
    const jobId = await finishedJob(db().pool, tenant, ['high']);
    await db().pool.query(
      `INSERT INTO schedules (tenant_id, source, cron, timezone, next_fire_at)
       VALUES ($1, 'file:///data', '@hourly', 'UTC', now() - interval '2 hours')`,
      [tenant],
    );
    const port = await freePort();
    const reportsDir = await mkdtemp(path.join(tmpdir(), 'roles-reports-'));
    const { child, exited } = serve('scheduler,notifier', {
      REPORTS_DIR: reportsDir,
      HEALTH_PORT: String(port),
      NOTIFY_POLL_SECONDS: '1',
      SCHEDULER_TICK_SECONDS: '1',
      NOTIFY_WEBHOOK_ALLOW_PRIVATE: 'true',
    });

    const health = await until(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      return { status: res.status, body: await res.json() };
    });
    expect(health).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });
    expect((await fetch(`http://127.0.0.1:${port}/jobs`)).status).toBe(404);

    const fired = await until(async () => {
      const { rows } = await db().pool.query(
        'SELECT job_id FROM schedule_fires WHERE enqueued_at IS NOT NULL',
      );
      return rows[0]?.job_id as string | undefined;
    });
    expect(fired).toMatch(/^[0-9a-f-]{36}$/);
    await until(async () => (receiver.requests.length > 0 ? true : undefined));
    expect(JSON.parse(receiver.requests[0]?.body ?? '{}').job.id).toBe(jobId);
    // The notifier also wrote the finished job's PDF report.
    const pdf = await until(() => readFile(path.join(reportsDir, tenant, `${jobId}.pdf`)));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await receiver.close();
    await rm(reportsDir, { recursive: true, force: true });
  });
});
