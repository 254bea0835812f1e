/** The channels a tenant can be told on. */
export const CHANNEL_NAMES = ['webhook', 'email', 'sms'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The kind of the event `POST /settings/notifications/test` queues: sent to every channel set. */
export const TEST_EVENT_KIND = 'notification.test';
