import type { ChannelName } from './channel-names.ts';
import type { JobEvent } from './job-event.ts';
import type { NotificationSettings } from './notification-settings.ts';

export { CHANNEL_NAMES, type ChannelName, TEST_EVENT_KIND } from './channel-names.ts';

/** One way of telling a tenant about a job: sends, or throws to have the delivery retried. */
export interface NotificationChannel {
  readonly name: ChannelName;
  send(event: JobEvent, settings: NotificationSettings): Promise<void>;
}

/** A delivery that no retry can fix (no target, a refused address): it is marked dead at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** The tenant's target of `channel`, or null when the tenant did not set one. */
export function channelTarget(channel: ChannelName, settings: NotificationSettings): string | null {
  if (channel === 'webhook') return settings.webhookUrl;
  if (channel === 'email') return settings.emailTo;
  return settings.smsTo;
}

/** Names of the channels a deployment's notifier settings enable (webhooks always). */
export function availableChannels(notifier: {
  emailFrom?: string | undefined;
  smsEnabled: boolean;
}): ChannelName[] {
  return [
    'webhook',
    ...(notifier.emailFrom ? (['email'] as const) : []),
    ...(notifier.smsEnabled ? (['sms'] as const) : []),
  ];
}
