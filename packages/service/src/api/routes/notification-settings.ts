import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { DEFAULT_SETTINGS, type NotificationSettings } from '../../notify/notification-settings.ts';
import { NotificationSettingsSchema } from '../../views/schedule-schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { NotificationSettingsRequestSchema } from '../schedule-schemas.ts';
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

/** `GET` and `PUT /settings/notifications`: only when the app has a settings store. */
export function registerNotificationSettings(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const notifications = deps.notifications;
  if (!notifications) return;
  app.use(PATH, authenticate(deps));

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
}
