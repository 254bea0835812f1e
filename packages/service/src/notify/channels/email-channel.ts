import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer, { type Transporter } from 'nodemailer';
import { type NotificationChannel, PermanentDeliveryError } from '../channel.ts';
import { eventSummary, eventText, type JobEvent } from '../job-event.ts';
import type { NotificationSettings } from '../notification-settings.ts';

/** One plain-text email. */
export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes out: SES on AWS, SMTP for self-hosted installs. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
  close?(): void;
}

/** Amazon SES v2 `SendEmail`. */
export class SesMailTransport implements MailTransport {
  constructor(private readonly client: SESv2Client) {}

  static create(options: { region: string; endpoint?: string }): SesMailTransport {
    return new SesMailTransport(
      new SESv2Client({
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      }),
    );
  }

  async send(mail: Mail): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: mail.from,
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  }

  close(): void {
    this.client.destroy();
  }
}

/** SMTP through nodemailer (`smtp://user:pass@host:587`, `smtps://...`). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string, options: { timeoutMs?: number } = {}) {
    const timeout = options.timeoutMs ?? 10_000;
    this.transporter = nodemailer.createTransport({
      url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(mail: Mail): Promise<void> {
    await this.transporter.sendMail(mail);
  }

  close(): void {
    this.transporter.close();
  }
}

/** Emails the tenant's address a summary of the finished job. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;

  constructor(
    private readonly transport: MailTransport,
    private readonly from: string,
  ) {}

  async send(event: JobEvent, settings: NotificationSettings): Promise<void> {
    if (!settings.emailTo) throw new PermanentDeliveryError('no email address is set');
    await this.transport.send({
      from: this.from,
      to: settings.emailTo,
      subject: eventSummary(event),
      text: eventText(event),
    });
  }
}
