import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { WebhookChannel } from '../../src/notify/channels/webhook-channel.ts';
import { PgNotificationSettings } from '../../src/notify/notification-settings.ts';
import { Notifier } from '../../src/notify/notifier.ts';
import { PgOutbox } from '../../src/notify/outbox-repository.ts';
import { startReceiver } from '../notify/fixtures.ts';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The real notifier over the harness database, sending webhooks only, giving up after one attempt. */
const notifier = () =>
  new Notifier(
    {
      outbox: new PgOutbox(api().db.pool),
      settings: new PgNotificationSettings(api().db.pool),
      channels: [new WebhookChannel({ timeoutMs: 2000, allowPrivate: true })],
      logger: createLogger({ level: 'silent' }),
    },
    { maxAttempts: 1 },
  );

async function save(settings: Record<string, unknown>, key?: string) {
  const res = await api().call('/settings/notifications', {
    method: 'PUT',
    json: { when: 'findings', min_severity: 'critical', ...settings },
    ...(key ? { key } : {}),
  });
  expect(res.status).toBe(200);
}

describe('POST /settings/notifications/test', () => {
  it('sends a test through the notifier to every channel set, even when no finding would reach the threshold', async () => {
    const receiver = await startReceiver(() => ({ status: 204 }));
    closers.push(receiver.close);
    await save({ webhook_url: `${receiver.url}/hook`, email_to: 'sec@example.com', sms_to: '+14155550100' });
    const res = await api().call('/settings/notifications/test', { method: 'POST' });
    expect(res.status).toBe(202);
    const body = await res.json();
    // The harness deployment sends webhooks and email, not SMS.
    expect(body).toEqual({
      event_id: expect.any(String),
      channels: ['webhook', 'email', 'sms'],
      unavailable: ['sms'],
    });

    await notifier().runOnce();
    expect(receiver.requests).toHaveLength(1);
    const sent = JSON.parse(receiver.requests[0]?.body ?? '{}');
    expect(sent.event).toBe('notification.test');
    expect(receiver.requests[0]?.headers['x-data-scanner-delivery']).toBe(body.event_id);
  });

  it('answers 409 naming what to set when no channel is set', async () => {
    const res = await api().call('/settings/notifications/test', { method: 'POST' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/webhook URL, email or SMS/);
    expect((await api().db.pool.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n).toBe(0);
  });

  it('needs a key', async () => {
    expect((await api().call('/settings/notifications/test', { method: 'POST', key: null })).status).toBe(
      401,
    );
    expect((await api().call('/settings/notifications/failures', { key: null })).status).toBe(401);
  });
});

describe('GET /settings/notifications/failures', () => {
  it("lists the tenant's failed deliveries with the reason, newest first, and never another tenant's", async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    closers.push(receiver.close);
    await save({ webhook_url: `${receiver.url}/hook`, email_to: 'sec@example.com' });
    expect(await (await api().call('/settings/notifications/failures')).json()).toEqual({ items: [] });
    await api().call('/settings/notifications/test', { method: 'POST' });
    // Email is available in the API's deployment but not to this notifier: dead at once, with what to set.
    await notifier().runOnce();

    const res = await api().call('/settings/notifications/failures');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items).toHaveLength(2);
    const byChannel = Object.fromEntries(items.map((f: { channel: string }) => [f.channel, f]));
    expect(byChannel.webhook).toMatchObject({
      status: 'dead',
      attempts: 1,
      event: 'notification.test',
      job_id: null,
      error: expect.stringContaining('500'),
      dead_at: expect.any(String),
      next_attempt_at: null,
    });
    expect(byChannel.email.error).toMatch(/NOTIFY_EMAIL_FROM/);
    expect(items[0].channel).toBe('email');

    const other = await api().call('/settings/notifications/failures', { key: api().globex.key });
    expect(await other.json()).toEqual({ items: [] });
    expect((await api().call('/settings/notifications/failures?limit=1')).status).toBe(200);
    expect((await (await api().call('/settings/notifications/failures?limit=1')).json()).items).toHaveLength(
      1,
    );
    expect((await api().call('/settings/notifications/failures?limit=0')).status).toBe(422);
  });
});
