import { ALNUM, DIGITS, HEX, UPPER } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const digits = (r: Rng, n: number) => secretChars(r, DIGITS, n);
const id = (r: Rng, lead: string) => `${lead}${secretChars(r, UPPER + DIGITS, 10)}`;

export const samples: FamilySamples = {
  'slack-token': {
    truePositives: carried(
      (r) => `xoxb-${digits(r, 11)}-${digits(r, 12)}-${secretChars(r, ALNUM, 24)}`,
      'slack_bot_token',
      [(v) => `export SLACK_BOT_TOKEN=${v}`, (v) => `slack:\n  token: "${v}"`],
    ).concat(
      carried(
        (r) => `xoxp-${digits(r, 12)}-${digits(r, 12)}-${digits(r, 13)}-${secretChars(r, HEX, 32)}`,
        'slack_user_token',
        [(v) => `curl -H "Authorization: Bearer ${v}" https://slack.com/api/auth.test`],
      ),
    ),
    nearMisses: [
      'SLACK_TOKEN=xoxp-…-####',
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
      'token: xoxb-1234567890-1234567890123-xxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  'slack-app-token': {
    truePositives: carried(
      (r) => `xapp-1-${id(r, 'A')}-${digits(r, 13)}-${secretChars(r, HEX, 64)}`,
      'slack_app_token',
      [(v) => `export SLACK_APP_TOKEN=${v}`, (v) => `app = App(token=bot, app_token="${v}")`],
    ),
    nearMisses: ['SLACK_APP_TOKEN=xapp-1-...', 'SLACK_APP_TOKEN=xapp-your-app-token'],
  },
  'slack-config-access-token': {
    truePositives: carried(
      (r) => `xoxe.xoxp-1-${secretChars(r, `${UPPER}${DIGITS}abcdefghijklmnop`, 163)}`,
      'config_token',
      [(v) => `export SLACK_CONFIG_TOKEN=${v}`, (v) => `{"ok": true, "token": "${v}", "exp": 1700000000}`],
    ),
    nearMisses: ['SLACK_CONFIG_TOKEN=xoxe.xoxp-1-...', (r) => `xoxe.xoxp-1-${secretChars(r, ALNUM, 40)}`],
  },
  'slack-config-refresh-token': {
    truePositives: carried(
      (r) => `xoxe-1-${secretChars(r, `${UPPER}${DIGITS}abcdefghijklmnop`, 146)}`,
      'refresh_token',
      [(v) => `export SLACK_CONFIG_REFRESH_TOKEN=${v}`, (v) => `{"ok": true, "refresh_token": "${v}"}`],
    ),
    nearMisses: ['SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-...', (r) => `xoxe-1-${secretChars(r, ALNUM, 50)}`],
  },
  'slack-webhook-url': {
    truePositives: carried(
      (r) => `https://hooks.slack.com/services/${id(r, 'T')}/${id(r, 'B')}/${secretChars(r, ALNUM, 24)}`,
      'webhook',
      [(v) => `SLACK_WEBHOOK_URL=${v}`, (v) => `2024-05-01T10:00:00Z INFO posting to ${v} status=200`],
    ).concat(
      carried(
        (r) =>
          `http://hooks.slack.com/workflows/${id(r, 'T')}/${id(r, 'A')}/${digits(r, 18)}/${secretChars(r, ALNUM, 24)}`,
        'webhook',
        [(v) => `webhook_url: "${v}"`],
      ),
      carried(
        (r) => `https://hooks.slack.com/triggers/${id(r, 'T')}/${digits(r, 13)}/${secretChars(r, HEX, 32)}`,
        'webhook',
        [(v) => `{"trigger": "${v}"}`],
      ),
    ),
    nearMisses: [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.slack.com/services/YOUR/WEBHOOK/URL',
      'https://hooks.slack.com/workflows/T123/A456/...',
    ],
  },
};
