import { ALNUM, chars, DIGITS, digits, HEX, plant, UPPER } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const id = (r: Rng, lead: string) => `${lead}${secretChars(r, UPPER + DIGITS, 10)}`;

export const samples: FamilySamples = {
  'slack-token': {
    truePositives: [
      (r) =>
        plant(
          'slack',
          (v) => `SLACK_BOT_TOKEN=${v}`,
          `xoxb-${digits(r, 11)}-${digits(r, 12)}-${chars(r, ALNUM, 24)}`,
        ),
    ],
    nearMisses: [
      (r) => `SLACK_BOT_TOKEN=xoxz-${digits(r, 11)}-${digits(r, 12)}-${chars(r, ALNUM, 24)}`,
      `SLACK_BOT_TOKEN=xoxb-${'0'.repeat(11)}-${'0'.repeat(12)}-${'x'.repeat(24)}`,
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
    ],
  },
  'slack-webhook-url': {
    truePositives: [
      (r) =>
        plant(
          'webhook',
          (v) => `webhook: ${v}`,
          `https://hooks.slack.com/services/T${chars(r, UPPER + DIGITS, 9)}/B${chars(r, UPPER + DIGITS, 9)}/${chars(r, ALNUM, 24)}`,
        ),
    ],
    nearMisses: [
      `webhook: https://hooks.slack.com/services/T00000000/B00000000/${'X'.repeat(24)}`,
      (r) =>
        `webhook: https://hooks.slack.com/services/T${chars(r, UPPER + DIGITS, 9)}/B${chars(r, UPPER + DIGITS, 9)}/${chars(r, ALNUM, 23)}`,
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
};
