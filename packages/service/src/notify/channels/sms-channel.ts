import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { type NotificationChannel, PermanentDeliveryError } from '../channel.ts';
import { eventSummary, type JobEvent } from '../job-event.ts';
import type { NotificationSettings } from '../notification-settings.ts';

/** Texts the tenant's phone number (E.164) through Amazon SNS, as a transactional SMS. */
export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const;

  constructor(private readonly client: SNSClient) {}

  static create(options: { region: string; endpoint?: string }): SmsChannel {
    return new SmsChannel(
      new SNSClient({ region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) }),
    );
  }

  async send(event: JobEvent, settings: NotificationSettings): Promise<void> {
    if (!settings.smsTo) throw new PermanentDeliveryError('no phone number is set');
    const text = event.url ? `${eventSummary(event)} ${event.url}` : eventSummary(event);
    await this.client.send(
      new PublishCommand({
        PhoneNumber: settings.smsTo,
        Message: text.slice(0, 1600),
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      }),
    );
  }

  close(): void {
    this.client.destroy();
  }
}
