import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';
import { shapedToken } from './token-kit.ts';

/**
 * Slack bot, user, workspace, refresh and legacy tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`,
 * `xoxs-`, `xoxo-`). The character before must not be `.`, which would make it the inner part
 * of a configuration token (`xoxe.xoxp-...`).
 */
export const slackToken: Detector = {
  id: 'slack-token',
  name: 'Slack token',
  category: 'credentials',
  severity: 'high',
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
  pattern: re(`(?:^|[^.A-Za-z0-9_-])(xox[bparso]-[0-9]${rep('[A-Za-z0-9-]', 20, 250)})`),
  valueGroup: 1,
  validate: (value, ctx) => {
    if (value.endsWith('-') || /^[#*…]/.test(ctx.after)) return false;
    const body = value.slice(5);
    return /[0-9]{6}/.test(body) && looksRandom(body, { minEntropy: 3.2 });
  },
  contextWords: ['slack', 'token', 'bot'],
  baseConfidence: 0.9,
  validator: 'entropy, a run of 6 digits',
  example: '`xoxb-` (or `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxo-`) + a digit + 20-250 of A-Za-z0-9-',
  mask: { keepStart: 5, keepEnd: 4 },
};

/** Slack app-level token (`xapp-1-A...-<digits>-<hex>`), as Socket Mode apps hold it. */
export const slackAppToken = shapedToken({
  id: 'slack-app-token',
  name: 'Slack app-level token',
  severity: 'high',
  keywords: ['xapp-'],
  token: `xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-${rep('[A-Za-z0-9]', 24, 80)}`,
  tail: 'A-Za-z0-9-',
  randomFrom: 5,
  quality: { minEntropy: 3.2, minClasses: 2 },
  contextWords: ['slack', 'socket', 'app_token'],
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`xapp-` + digit + `-A` + id + `-` + digits + `-` + 24-80 base62',
  description: 'A Slack app-level token: Socket Mode connections and app-wide APIs.',
});

/** Slack app configuration access token (`xoxe.xoxp-1-...`, `xoxe.xoxb-1-...`). */
export const slackConfigAccessToken = shapedToken({
  id: 'slack-config-access-token',
  name: 'Slack configuration access token',
  severity: 'high',
  keywords: ['xoxe.xoxp-', 'xoxe.xoxb-'],
  token: `xoxe\\.xox[bp]-[0-9]-${rep('[A-Za-z0-9]', 100, 200)}`,
  tail: 'A-Za-z0-9-',
  randomFrom: 12,
  quality: { minEntropy: 4, minClasses: 2 },
  contextWords: ['slack', 'config', 'manifest'],
  mask: { keepStart: 12, keepEnd: 4 },
  validator: 'entropy',
  example: '`xoxe.xoxp-` (or `xoxe.xoxb-`) + digit + `-` + 100-200 base62',
  description: 'A Slack app configuration token: creates and changes the workspace’s apps.',
});

/** Slack app configuration refresh token (`xoxe-1-...`). */
export const slackConfigRefreshToken = shapedToken({
  id: 'slack-config-refresh-token',
  name: 'Slack configuration refresh token',
  severity: 'high',
  keywords: ['xoxe-'],
  token: `xoxe-[0-9]-${rep('[A-Za-z0-9]', 100, 200)}`,
  tail: 'A-Za-z0-9-',
  randomFrom: 7,
  quality: { minEntropy: 4, minClasses: 2 },
  contextWords: ['slack', 'refresh', 'config'],
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`xoxe-` + digit + `-` + 100-200 base62',
  description: 'A Slack configuration refresh token, which mints configuration access tokens.',
});

const ID = (lead: string) => `${lead}${rep('[A-Z0-9]', 8, 12)}`;

/** Slack incoming webhook, Workflow Builder webhook and trigger URLs (over https or http). */
export const slackWebhookUrl: Detector = {
  id: 'slack-webhook-url',
  name: 'Slack webhook URL',
  category: 'credentials',
  severity: 'high',
  keywords: ['hooks.slack.com'],
  pattern: re(
    `https?://hooks\\.slack\\.com/(?:services/${ID('T')}/${ID('B')}/${rep('[A-Za-z0-9]', 24)}|workflows/${ID('T')}/${ID('A')}/${rep('[0-9]', 8, 20)}/${rep('[A-Za-z0-9]', 24, 32)}|triggers/${ID('T')}/${rep('[0-9]', 8, 20)}/${rep('[a-f0-9]', 32)})\\b`,
  ),
  validate: (value) => looksRandom(value.slice(-24), { minEntropy: 3.2 }),
  contextWords: ['slack', 'webhook'],
  baseConfidence: 0.95,
  validator: 'entropy of the secret part',
  example:
    '`https://hooks.slack.com/services/T` + 8-12 + `/B` + 8-12 + `/` + 24 base62 (also `/workflows/`, `/triggers/`, http)',
  mask: { keepStart: 23, keepEnd: 4 },
};

export const slackDetectors: readonly Detector[] = [
  slackToken,
  slackAppToken,
  slackConfigAccessToken,
  slackConfigRefreshToken,
  slackWebhookUrl,
];
