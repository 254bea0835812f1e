import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { availableChannels, type NotificationChannel } from '../../src/notify/channel.ts';
import {
  EmailChannel,
  SesMailTransport,
  SmtpMailTransport,
} from '../../src/notify/channels/email-channel.ts';
import { SmsChannel } from '../../src/notify/channels/sms-channel.ts';
import {
  SIGNATURE_HEADER,
  verifyWebhookSignature,
  WebhookChannel,
} from '../../src/notify/channels/webhook-channel.ts';
import {
  type NotificationSettingsInput,
  PgNotificationSettings,
} from '../../src/notify/notification-settings.ts';
import { backoffSeconds, Notifier } from '../../src/notify/notifier.ts';
import { PgOutbox } from '../../src/notify/outbox-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { finishedJob, RAW_SECRET, startReceiver, tenantId } from './fixtures.ts';

const db = useTestDatabase();
const logger = createLogger({ level: 'silent' });
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const webhook = () => new WebhookChannel({ timeoutMs: 2000, allowPrivate: true });
const aws = { region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

function notifier(channels: NotificationChannel[], options: { maxAttempts?: number } = {}): Notifier {
  return new Notifier(
    {
      outbox: new PgOutbox(db().pool, { publicUrl: 'https://scanner.example.com' }),
      settings: new PgNotificationSettings(db().pool),
      channels,
      logger,
    },
    { maxAttempts: options.maxAttempts ?? 5, backoffSeconds: 30 },
  );
}

async function configure(tenant: string, settings: Partial<NotificationSettingsInput>) {
  return new PgNotificationSettings(db().pool).put(tenant, {
    when: 'finished',
    minSeverity: 'high',
    webhookUrl: null,
    webhookSlack: false,
    emailTo: null,
    smsTo: null,
    ...settings,
  });
}

/** Makes every waiting retry due now, as if its backoff had passed. */
const backdateRetries = () =>
  db().pool.query(`UPDATE notification_deliveries SET available_at = now() - interval '1 second'`);
const outboxRows = async () => (await db().pool.query('SELECT * FROM outbox ORDER BY id')).rows;
const deliveries = async () =>
  (await db().pool.query('SELECT * FROM notification_deliveries ORDER BY id')).rows;

describe('Notifier', () => {
  it('a webhook that fails twice then succeeds gets the event exactly once, signed', async () => {
    const receiver = await startReceiver((n) => ({ status: n <= 2 ? 500 : 204 }));
    closers.push(receiver.close);
    const tenant = await tenantId(db().pool);
    const settings = await configure(tenant, { webhookUrl: `${receiver.url}/hook` });
    const jobId = await finishedJob(db().pool, tenant, ['critical', 'high', 'low']);
    const n = notifier([webhook()]);

    expect(await n.runOnce()).toBe(1);
    // Not due again until its backoff has passed.
    expect(await n.runOnce()).toBe(0);
    await backdateRetries();
    await n.runOnce();
    await backdateRetries();
    await n.runOnce();
    await backdateRetries();
    expect(await n.runOnce()).toBe(0);

    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook', '/hook', '/hook']);
    const ok = receiver.requests[2];
    expect(ok).toBeDefined();
    if (!ok) return;
    expect(
      verifyWebhookSignature(settings.webhookSecret, String(ok.headers[SIGNATURE_HEADER]), ok.body),
    ).toBe(true);
    expect(verifyWebhookSignature('whsec_other', String(ok.headers[SIGNATURE_HEADER]), ok.body)).toBe(false);
    expect(
      verifyWebhookSignature(settings.webhookSecret, String(ok.headers[SIGNATURE_HEADER]), `${ok.body} `),
    ).toBe(false);
    // Every attempt carries the same event id, so a receiver can drop repeats.
    expect(new Set(receiver.requests.map((r) => r.headers['x-data-scanner-delivery'])).size).toBe(1);
    const body = JSON.parse(ok.body);
    expect(body).toMatchObject({
      event: 'job.finished',
      job: {
        id: jobId,
        status: 'succeeded',
        findings: 3,
        findings_by_severity: { critical: 1, high: 1, medium: 0, low: 1, info: 0 },
        top_detectors: [
          { detector: 'aws-secret-access-key', count: 2 },
          { detector: 'email-address', count: 1 },
        ],
        url: `https://scanner.example.com/#/jobs/${jobId}`,
      },
    });
    expect(ok.body).not.toContain(RAW_SECRET);
    expect(ok.body).not.toContain('wJal');

    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ channel: 'webhook', status: 'delivered', attempts: 3 });
    const [event] = await outboxRows();
    expect(event).toMatchObject({ kind: 'job.finished', status: 'delivered', attempts: 3, last_error: null });
    expect(event.delivered_at).toBeInstanceOf(Date);
  });

  it('a receiver that always fails leaves the outbox row dead with its reason', async () => {
    const receiver = await startReceiver(() => ({ status: 503 }));
    closers.push(receiver.close);
    const tenant = await tenantId(db().pool);
    await configure(tenant, { webhookUrl: receiver.url });
    await finishedJob(db().pool, tenant, ['high']);
    const n = notifier([webhook()], { maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await n.runOnce();
      await backdateRetries();
    }
    expect(receiver.requests).toHaveLength(3);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'dead', attempts: 3, last_error: 'webhook answered HTTP 503' });
    const [event] = await outboxRows();
    expect(event).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'webhook: webhook answered HTTP 503',
    });
    expect(event.dead_at).toBeInstanceOf(Date);
  });

  it('sends only when findings reach the tenant threshold', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    closers.push(receiver.close);
    const tenant = await tenantId(db().pool);
    await configure(tenant, { when: 'findings', minSeverity: 'high', webhookUrl: receiver.url });
    const quiet = await finishedJob(db().pool, tenant, ['low', 'medium']);
    const loud = await finishedJob(db().pool, tenant, ['low', 'critical']);
    await notifier([webhook()]).runOnce();
    expect(receiver.requests.map((r) => JSON.parse(r.body).job.id)).toEqual([loud]);
    const rows = await outboxRows();
    expect(rows.find((r) => r.job_id === quiet)).toMatchObject({
      status: 'skipped',
      last_error: 'no new exposure reaches high',
    });
    expect(rows.find((r) => r.job_id === loud)).toMatchObject({ status: 'delivered' });
  });

  it('skips tenants with no channel, and sends nothing for cancelled jobs', async () => {
    const tenant = await tenantId(db().pool);
    await finishedJob(db().pool, tenant, ['critical']);
    const other = await tenantId(db().pool, 'globex');
    await configure(other, { webhookUrl: 'http://127.0.0.1:9/never' });
    const { rows } = await db().pool.query(
      `INSERT INTO jobs (tenant_id, source) VALUES ($1, 's3://allowed-bucket/') RETURNING id`,
      [other],
    );
    const { PgJobStore } = await import('../../src/store/jobs-repository.ts');
    await new PgJobStore(db().pool).cancelJob(rows[0].id);
    await notifier([webhook()]).runOnce();
    const events = await outboxRows();
    expect(events.map((e) => [e.kind, e.status, e.last_error])).toEqual([
      ['job.finished', 'skipped', 'no channel is set'],
      ['job.cancelled', 'skipped', 'job.cancelled events are not notified'],
    ]);
    expect(await deliveries()).toEqual([]);
  });

  it('retries each channel alone: a webhook that succeeded is not sent again while email fails', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    closers.push(receiver.close);
    let mailAttempts = 0;
    const flakyMail: NotificationChannel = {
      name: 'email',
      send: async () => {
        mailAttempts += 1;
        if (mailAttempts < 2) throw new Error('mail server busy');
      },
    };
    const tenant = await tenantId(db().pool);
    await configure(tenant, { webhookUrl: receiver.url, emailTo: 'sec@example.com' });
    await finishedJob(db().pool, tenant, ['high']);
    const n = notifier([webhook(), flakyMail]);
    await n.runOnce();
    await backdateRetries();
    await n.runOnce();
    expect(receiver.requests).toHaveLength(1);
    expect(mailAttempts).toBe(2);
    expect((await deliveries()).map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['webhook', 'delivered', 1],
      ['email', 'delivered', 2],
    ]);
    expect((await outboxRows())[0].status).toBe('delivered');
  });

  it('two notifiers at once send each delivery once', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    closers.push(receiver.close);
    const tenant = await tenantId(db().pool);
    await configure(tenant, { webhookUrl: receiver.url });
    for (let i = 0; i < 6; i++) await finishedJob(db().pool, tenant, ['high']);
    const [a, b] = [notifier([webhook()]), notifier([webhook()])];
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    const ids = receiver.requests.map((r) => JSON.parse(r.body).job.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('marks a channel this deployment lacks dead at once, with what to configure', async () => {
    const tenant = await tenantId(db().pool);
    await configure(tenant, { smsTo: '+14155550100' });
    await finishedJob(db().pool, tenant, ['high']);
    await notifier([webhook()]).runOnce();
    expect((await deliveries())[0]).toMatchObject({
      channel: 'sms',
      status: 'dead',
      attempts: 1,
      last_error: expect.stringContaining('NOTIFY_SMS_ENABLED'),
    });
    expect((await outboxRows())[0].status).toBe('dead');
  });

  it('refuses a webhook to a private address unless allowed, without retrying', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    closers.push(receiver.close);
    const tenant = await tenantId(db().pool);
    await configure(tenant, { webhookUrl: receiver.url });
    await finishedJob(db().pool, tenant, ['high']);
    await notifier([new WebhookChannel({ timeoutMs: 2000, allowPrivate: false })]).runOnce();
    expect(receiver.requests).toHaveLength(0);
    expect((await deliveries())[0]).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: expect.stringContaining('127.0.0.1, a private or reserved address'),
    });
  });

  it('sends a Slack-compatible body when asked', async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    closers.push(receiver.close);
    const tenant = await tenantId(db().pool);
    await configure(tenant, { webhookUrl: receiver.url, webhookSlack: true });
    await finishedJob(db().pool, tenant, ['critical', 'critical']);
    await notifier([webhook()]).runOnce();
    const body = JSON.parse(receiver.requests[0]?.body ?? '{}');
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toContain('Data Scanner: scan "exports" succeeded, 2 findings (worst: critical)');
    expect(body.text).toContain('Findings by severity: 2 critical');
  });
});

describe('email and SMS channels', () => {
  it('emails over SMTP to a real SMTP server on 127.0.0.1', async () => {
    const mails: { from: string; to: string[]; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
    const port = (smtp.server.address() as { port: number }).port;
    const transport = new SmtpMailTransport(`smtp://127.0.0.1:${port}`);
    closers.push(() => transport.close());

    const tenant = await tenantId(db().pool);
    await configure(tenant, { emailTo: 'security@example.com' });
    const jobId = await finishedJob(db().pool, tenant, ['high', 'high', 'low']);
    await notifier([new EmailChannel(transport, 'scanner@example.com')]).runOnce();

    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: 'scanner@example.com', to: ['security@example.com'] });
    // Unfold long headers and decode RFC 2047 Q-encoded words before reading.
    const data = (mails[0]?.data ?? '')
      .replace(/\r\n[ \t]+/g, ' ')
      .replace(/\?= =\?UTF-8\?Q\?/g, '')
      .replace(/=\?UTF-8\?Q\?(.*?)\?=/g, (_, word: string) =>
        word
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/g, (_m: string, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          ),
      );
    expect(data).toContain('Subject: Data Scanner: scan "exports" succeeded, 3 findings (worst: high)');
    expect(data).toContain('Findings by severity: 2 high, 1 low');
    expect(data).toContain(jobId);
    expect(data).not.toContain(RAW_SECRET);
    expect((await outboxRows())[0].status).toBe('delivered');
  });

  it('sends SES v2 SendEmail with the sender, recipient and summary', async () => {
    const ses = await startReceiver(() => ({ status: 200, body: '{"MessageId":"m-1"}' }));
    closers.push(ses.close);
    const client = new SESv2Client({ ...aws, endpoint: ses.url });
    closers.push(() => client.destroy());
    const tenant = await tenantId(db().pool);
    await configure(tenant, { emailTo: 'security@example.com' });
    await finishedJob(db().pool, tenant, ['critical']);
    await notifier([new EmailChannel(new SesMailTransport(client), 'scanner@example.com')]).runOnce();

    expect(ses.requests.map((r) => r.path)).toEqual(['/v2/email/outbound-emails']);
    const input = JSON.parse(ses.requests[0]?.body ?? '{}');
    expect(input).toMatchObject({
      FromEmailAddress: 'scanner@example.com',
      Destination: { ToAddresses: ['security@example.com'] },
      Content: {
        Simple: { Subject: { Data: 'Data Scanner: scan "exports" succeeded, 1 finding (worst: critical)' } },
      },
    });
    expect(ses.requests[0]?.body).not.toContain(RAW_SECRET);
  });

  it('texts through SNS Publish to the phone number, as a transactional SMS', async () => {
    const sns = await startReceiver(() => ({
      status: 200,
      body: '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
    }));
    closers.push(sns.close);
    const client = new SNSClient({ ...aws, endpoint: sns.url });
    closers.push(() => client.destroy());
    const tenant = await tenantId(db().pool);
    await configure(tenant, { smsTo: '+14155550100' });
    await finishedJob(db().pool, tenant, ['high']);
    await notifier([new SmsChannel(client)]).runOnce();

    const form = new URLSearchParams(sns.requests[0]?.body ?? '');
    expect(form.get('Action')).toBe('Publish');
    expect(form.get('PhoneNumber')).toBe('+14155550100');
    expect(form.get('Message')).toMatch(
      /^Data Scanner: scan "exports" succeeded, 1 finding \(worst: high\) https:\/\/scanner/,
    );
    expect(form.get('MessageAttributes.entry.1.Value.StringValue')).toBe('Transactional');
    expect((await outboxRows())[0].status).toBe('delivered');
  });
});

describe('channels a deployment offers', () => {
  it('always webhooks; email with a sender address; SMS when enabled', () => {
    expect(availableChannels({ smsEnabled: false })).toEqual(['webhook']);
    expect(availableChannels({ emailFrom: 'scanner@example.com', smsEnabled: true })).toEqual([
      'webhook',
      'email',
      'sms',
    ]);
  });
});

describe('backoff', () => {
  it('doubles per attempt, is capped, and jitters within 20 %', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => backoffSeconds(a, 10, 3600, mid))).toEqual([10, 20, 40, 80]);
    expect(backoffSeconds(20, 10, 3600, mid)).toBe(3600);
    expect(backoffSeconds(1, 10, 3600, () => 0)).toBe(8);
    expect(backoffSeconds(1, 10, 3600, () => 1)).toBe(12);
  });
});
