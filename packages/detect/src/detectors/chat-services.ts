import type { Detector } from '../types.ts';
import { decodeBase64Url } from '../validators/jwt.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';
import { assignedSecret, shapedToken, UUID } from './token-kit.ts';

/** True when a Discord token's first segment decodes to a user id (a 17 to 20 digit snowflake). */
function discordIdValid(token: string): boolean {
  const id = decodeBase64Url(token.slice(0, token.indexOf('.')).replace(/=+$/, ''));
  return id !== undefined && /^[1-9][0-9]{16,19}$/.test(id);
}

/**
 * Discord bot token: base64 of the bot's user id, a 6-character timestamp and an HMAC. The
 * first segment must decode to the id; `discord` must be near (the prefilter keyword).
 */
export const discordBotToken = shapedToken({
  id: 'discord-bot-token',
  name: 'Discord bot token',
  severity: 'high',
  keywords: ['discord'],
  token: `[MNO]${rep('[A-Za-z0-9_-]', 22, 27)}\\.${rep('[A-Za-z0-9_-]', 6)}\\.${rep('[A-Za-z0-9_-]', 27, 38)}`,
  tail: 'A-Za-z0-9_.-',
  randomFrom: 0,
  quality: { minEntropy: 3.8, minClasses: 3 },
  check: discordIdValid,
  contextWords: ['discord', 'bot', 'token'],
  validator: 'the first part decodes to a user id (snowflake), entropy',
  example: 'base64 of a user id + `.` + 6 + `.` + 27-38 of A-Za-z0-9_- (near `discord`)',
  description: 'A Discord bot token: acts as the bot in every server it belongs to.',
});

/** Discord webhook URL (`discord.com/api/webhooks/<id>/<token>`). */
export const discordWebhookUrl: Detector = {
  id: 'discord-webhook-url',
  name: 'Discord webhook URL',
  category: 'credentials',
  severity: 'medium',
  keywords: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
  pattern: re(
    `(https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/webhooks/${rep('[0-9]', 17, 20)}/${rep('[A-Za-z0-9_-]', 60, 68)})(?:[^A-Za-z0-9_-]|$)`,
  ),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(value.lastIndexOf('/') + 1), { minEntropy: 4, minClasses: 3 }),
  contextWords: ['discord', 'webhook'],
  baseConfidence: 0.95,
  mask: { keepStart: 33, keepEnd: 4 },
  validator: 'entropy of the token',
  example: '`https://discord.com/api/webhooks/` + 17-20 digits + `/` + 60-68 of A-Za-z0-9_-',
  description: 'A Discord webhook URL: posts messages to its channel.',
};

/** Telegram bot token (`<bot id>:AA` + 33 characters), bare or in a `api.telegram.org/bot<token>/` URL. */
export const telegramBotToken: Detector = {
  id: 'telegram-bot-token',
  name: 'Telegram bot token',
  category: 'credentials',
  severity: 'high',
  keywords: [':aa'],
  pattern: re(`(?:^|[^A-Za-z0-9_]|/bot)([0-9]{8,10}:AA${rep('[A-Za-z0-9_-]', 33)})(?:[^A-Za-z0-9_-]|$)`),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(value.indexOf(':') + 3), { minEntropy: 3.8, minClasses: 3 }),
  contextWords: ['telegram', 'bot', 'token', 'api.telegram.org'],
  baseConfidence: 0.9,
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'entropy',
  example: '8-10 digits + `:AA` + 33 of A-Za-z0-9_-',
  description: 'A Telegram bot token: reads and sends the bot’s messages.',
};

/** Microsoft Teams incoming webhook URL (`*.webhook.office.com/webhookb2/...`). */
export const microsoftTeamsWebhookUrl: Detector = {
  id: 'microsoft-teams-webhook-url',
  name: 'Microsoft Teams webhook URL',
  category: 'credentials',
  severity: 'medium',
  keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
  pattern: re(
    `https://(?:${rep('[a-z0-9-]', 1, 64)}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/${rep('[a-f0-9]', 32)}/${UUID}(?:/${rep('[A-Za-z0-9_-]', 30, 60)})?`,
  ),
  validate: (value) => looksRandom(value.slice(value.indexOf('/IncomingWebhook/') + 17), { minEntropy: 3 }),
  contextWords: ['teams', 'webhook'],
  baseConfidence: 0.95,
  mask: { keepStart: 30, keepEnd: 4 },
  validator: 'entropy',
  example:
    '`https://<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/` + 32 hex + `/<uuid>`',
  description: 'A Microsoft Teams incoming webhook URL: posts messages to its channel.',
};

/** Mattermost incoming webhook URL (`https://<host>/hooks/<26 characters>`) near the word Mattermost. */
export const mattermostWebhookUrl: Detector = {
  id: 'mattermost-webhook-url',
  name: 'Mattermost webhook URL',
  category: 'credentials',
  severity: 'medium',
  keywords: ['mattermost'],
  pattern: re(
    `(https?://${rep('[A-Za-z0-9.-]', 1, 100)}(?::[0-9]{1,5})?/hooks/${rep('[a-z0-9]', 26)})(?:[^A-Za-z0-9]|$)`,
  ),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(-26), { minEntropy: 3.5, minClasses: 2 }),
  contextWords: ['mattermost', 'webhook'],
  baseConfidence: 0.85,
  mask: { keepStart: 12, keepEnd: 4 },
  validator: 'entropy of the hook id',
  example: '`https://<host>/hooks/` + 26 of a-z0-9, near `mattermost`',
  description: 'A Mattermost incoming webhook URL: posts messages to its channel.',
};

/** Key names of Mattermost tokens (ids of teams, channels and users have the same 26-character shape). */
const MATTERMOST_TOKEN_NAMES = [
  'mattermost_token',
  'mattermost_access_token',
  'mattermost_bot_token',
  'mattermost_api_token',
  'mattermost_personal_access_token',
  'mattermost_pat',
] as const;

/** Mattermost personal access or bot token: 26 characters assigned to a Mattermost name. */
export const mattermostAccessToken = assignedSecret({
  id: 'mattermost-access-token',
  name: 'Mattermost access token',
  severity: 'high',
  keywords: [...MATTERMOST_TOKEN_NAMES],
  names: MATTERMOST_TOKEN_NAMES,
  value: '[a-z0-9]{26}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 3.5, minClasses: 2 },
  contextWords: ['mattermost', 'token'],
  validator: 'entropy',
  example: '26 of a-z0-9 assigned to a Mattermost token name',
  description: 'A Mattermost personal access or bot token.',
});

export const chatServiceDetectors: readonly Detector[] = [
  discordBotToken,
  discordWebhookUrl,
  telegramBotToken,
  microsoftTeamsWebhookUrl,
  mattermostWebhookUrl,
  mattermostAccessToken,
];
