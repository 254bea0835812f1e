import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

/** Slack bot, user, app-level, refresh and legacy tokens (not a template whose tail is `####` or `xxxx`). */
export const slackToken: Detector = {
  id: 'slack-token',
  name: 'Slack token',
  category: 'credentials',
  severity: 'high',
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xapp-'],
  pattern: re(`\\b(?:xox[bparse]|xapp)-[0-9]${rep('[A-Za-z0-9-]', 20, 250)}`),
  validate: (value, ctx) => {
    if (value.endsWith('-') || /^[#*…]/.test(ctx.after)) return false;
    const body = value.slice(5);
    return /[0-9]{6}/.test(body) && looksRandom(body, { minEntropy: 3.2 });
  },
  contextWords: ['slack', 'token', 'bot'],
  baseConfidence: 0.9,
  validator: 'entropy, a run of 6 digits',
  example:
    '`xoxb-` (or `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-`, `xapp-`) + a digit + 20-250 of A-Za-z0-9-',
  mask: { keepStart: 5, keepEnd: 4 },
};

/** Slack incoming webhook URL. */
export const slackWebhookUrl: Detector = {
  id: 'slack-webhook-url',
  name: 'Slack webhook URL',
  category: 'credentials',
  severity: 'high',
  keywords: ['hooks.slack.com'],
  pattern: re(
    `https://hooks\\.slack\\.com/(?:services|workflows|triggers)/T${rep('[A-Z0-9]', 8, 12)}/[AB]${rep('[A-Z0-9]', 8, 12)}/${rep('[A-Za-z0-9]', 24)}\\b`,
  ),
  validate: (value) => looksRandom(value.slice(-24), { minEntropy: 3.2 }),
  contextWords: ['slack', 'webhook'],
  baseConfidence: 0.95,
  validator: 'entropy of the secret part',
  example: '`https://hooks.slack.com/services/T` + 8-12 + `/B` + 8-12 + `/` + 24 base62',
  mask: { keepStart: 23, keepEnd: 4 },
};

export const slackDetectors: readonly Detector[] = [slackToken, slackWebhookUrl];
