import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CHANNEL_NAMES, channelTarget } from '../../notify/channel.ts';
import { DEFAULT_SETTINGS, type NotificationSettings } from '../../notify/notification-settings.ts';
import {
  DeliveryFailureListSchema,
  deliveryFailureView,
  NotificationSettingsSchema,
  NotificationTestSchema,
} from '../../views/schedule-schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { HttpError } from '../http-error.ts';
import { NotificationSettingsRequestSchema } from '../schedule-schemas.ts';
import { limit } from '../schemas.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

const PATH = '/settings/notifications';

const getSettings = createRoute({
  method: 'get',
  path: PATH,
  tags: ['notifications'],
  summary: 'Which channels fire when a job finishes, and when',
  security: BEARER,
  responses: {
    200: jsonContent(NotificationSettingsSchema, 'The settings (defaults until saved)'),
    ...errorResponses(401),
  },
});

const putSettings = createRoute({
  method: 'put',
  path: PATH,
  tags: ['notifications'],
  summary: 'Replace the notification settings',
  description:
    'A field left out or null is cleared. The webhook signing secret is made on first save and kept.',
  security: BEARER,
  request: {
    body: { required: true, content: { 'application/json': { schema: NotificationSettingsRequestSchema } } },
  },
  responses: {
    200: jsonContent(NotificationSettingsSchema, 'The saved settings'),
    ...errorResponses(401, 413, 415, 422),
  },
});

const sendTest = createRoute({
  method: 'post',
  path: `${PATH}/test`,
  tags: ['notifications'],
  summary: 'Send a test message to every channel set',
  description:
    'Queues a `notification.test` event; the notifier sends it like a finished job, whatever `when` says. ' +
    'A channel that fails shows in `GET /settings/notifications/failures`. 409 `conflict` when none is set.',
  security: BEARER,
  responses: {
    202: jsonContent(NotificationTestSchema, 'The test is queued'),
    ...errorResponses(401, 409),
  },
});

const listFailures = createRoute({
  method: 'get',
  path: `${PATH}/failures`,
  tags: ['notifications'],
  summary: 'Recent deliveries that failed, newest first',
  security: BEARER,
  request: { query: z.object({ limit: limit(100, 20) }) },
  responses: {
    200: jsonContent(DeliveryFailureListSchema, 'Dead deliveries and ones waiting for a retry'),
    ...errorResponses(401, 422),
  },
});

/** `GET` and `PUT /settings/notifications`, `POST .../test`, `GET .../failures`: only when the app has a settings store. */
export function registerNotificationSettings(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const notifications = deps.notifications;
  if (!notifications) return;
  // `${PATH}/*` matches PATH too, so every request is authenticated once.
  app.use(`${PATH}/*`, authenticate(deps));

  const view = (s: Partial<NotificationSettings> & typeof DEFAULT_SETTINGS) => ({
    when: s.when,
    min_severity: s.minSeverity,
    webhook_url: s.webhookUrl,
    webhook_slack: s.webhookSlack,
    webhook_secret: s.webhookSecret ?? null,
    email_to: s.emailTo,
    sms_to: s.smsTo,
    channels_available: [...notifications.channelsAvailable],
    updated_at: s.updatedAt?.toISOString() ?? null,
  });

  app.openapi(getSettings, async (c) => {
    const saved = await notifications.settings.get(c.get('principal').tenantId);
    return c.json(view(saved ?? DEFAULT_SETTINGS), 200);
  });

  app.openapi(putSettings, async (c) => {
    const body = c.req.valid('json');
    const saved = await notifications.settings.put(c.get('principal').tenantId, {
      when: body.when,
      minSeverity: body.min_severity,
      webhookUrl: body.webhook_url ?? null,
      webhookSlack: body.webhook_slack ?? false,
      emailTo: body.email_to ?? null,
      smsTo: body.sms_to ?? null,
    });
    return c.json(view(saved), 200);
  });

  app.openapi(sendTest, async (c) => {
    const { tenantId } = c.get('principal');
    const saved = await notifications.settings.get(tenantId);
    const channels = saved ? CHANNEL_NAMES.filter((ch) => channelTarget(ch, saved)) : [];
    if (channels.length === 0) {
      throw new HttpError(
        409,
        'conflict',
        'No channel is set: save a webhook URL, email or SMS number first',
      );
    }
    const eventId = await notifications.settings.queueTest(tenantId);
    const unavailable = channels.filter((ch) => !notifications.channelsAvailable.includes(ch));
    return c.json({ event_id: eventId, channels, unavailable }, 202);
  });

  app.openapi(listFailures, async (c) => {
    const failures = await notifications.settings.recentFailures(
      c.get('principal').tenantId,
      c.req.valid('query').limit,
    );
    return c.json({ items: failures.map(deliveryFailureView) }, 200);
  });
}
