import { ALNUM, chars, DIGITS, digits, plant, UPPER } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

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
};
