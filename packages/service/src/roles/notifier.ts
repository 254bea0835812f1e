import type { Config } from '../config.ts';
import type { NotificationChannel } from '../notify/channel.ts';
import {
  EmailChannel,
  type MailTransport,
  SesMailTransport,
  SmtpMailTransport,
} from '../notify/channels/email-channel.ts';
import { SmsChannel } from '../notify/channels/sms-channel.ts';
import { WebhookChannel } from '../notify/channels/webhook-channel.ts';
import { PgNotificationSettings } from '../notify/notification-settings.ts';
import { Notifier } from '../notify/notifier.ts';
import { PgOutbox } from '../notify/outbox-repository.ts';
import { createReportStore, ensureJobReport } from '../reports/index.ts';
import type { RoleContext, RunningRole } from './role.ts';

/** The channels this deployment's configuration enables, and how to close their clients. */
export function channelsFor(config: Config): { channels: NotificationChannel[]; close(): void } {
  const n = config.notifier;
  const region = config.sources.s3.region;
  const channels: NotificationChannel[] = [
    new WebhookChannel({ timeoutMs: n.webhookTimeoutMs, allowPrivate: n.allowPrivateWebhooks }),
  ];
  const closers: (() => void)[] = [];
  if (n.emailFrom) {
    const transport: MailTransport = n.smtpUrl
      ? new SmtpMailTransport(n.smtpUrl, { timeoutMs: n.webhookTimeoutMs })
      : SesMailTransport.create({ region, ...(n.sesEndpoint ? { endpoint: n.sesEndpoint } : {}) });
    channels.push(new EmailChannel(transport, n.emailFrom));
    closers.push(() => transport.close?.());
  }
  if (n.smsEnabled) {
    const sms = SmsChannel.create({ region, ...(n.snsEndpoint ? { endpoint: n.snsEndpoint } : {}) });
    channels.push(sms);
    closers.push(() => sms.close());
  }
  return {
    channels,
    close: () => {
      for (const close of closers) close();
    },
  };
}

/** The notifier role: delivers outbox events (job finished) to each tenant's channels, with retries. */
export async function startNotifier({ config, logger, database }: RoleContext): Promise<RunningRole> {
  const log = logger.child({ role: 'notifier' });
  const { channels, close } = channelsFor(config);
  const reports = { pool: database.pool, store: createReportStore(config) };
  const notifier = new Notifier(
    {
      outbox: new PgOutbox(
        database.pool,
        config.notifier.publicUrl ? { publicUrl: config.notifier.publicUrl } : {},
      ),
      settings: new PgNotificationSettings(database.pool),
      channels,
      logger: log,
      // Every finished job gets its PDF report written to the reports store once.
      onJobFinished: async (event) => {
        const { created } = await ensureJobReport(reports, event.tenantId, event.jobId);
        if (created) log.info({ job_id: event.jobId }, 'report written');
      },
    },
    {
      maxAttempts: config.notifier.maxAttempts,
      backoffSeconds: config.notifier.backoffSeconds,
      maxBackoffSeconds: config.notifier.maxBackoffSeconds,
      pollSeconds: config.notifier.pollSeconds,
    },
  ).start();
  log.info({ channels: channels.map((c) => c.name) }, 'notifier started');
  return {
    stop: async () => {
      await notifier.stop();
      close();
      log.info('notifier stopped');
    },
  };
}
