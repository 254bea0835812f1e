import { ALNUM, DIGITS, HEX, LOWER } from '../../eval/random.ts';
import { carried, ref, secretChars, uuid } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const URLSAFE = `${ALNUM}_-`;

function discordToken(r: Rng): string {
  for (;;) {
    const id = `1${secretChars(r, DIGITS, 18)}`;
    const first = Buffer.from(id).toString('base64url');
    const token = `${first}.${secretChars(r, URLSAFE, 6)}.${secretChars(r, URLSAFE, 38)}`;
    if (/^[MNO]/.test(first)) return token;
  }
}

export const samples: FamilySamples = {
  'discord-bot-token': {
    truePositives: carried(discordToken, 'discord_token', [
      (v) => `export DISCORD_TOKEN=${v}`,
      (v) => `{"discord": {"token": "${v}"}}`,
      (v) => `client.run("${v}")  # discord bot`,
    ]),
    nearMisses: [
      (r) =>
        `discord cdn id ${Buffer.from(secretChars(r, LOWER, 18)).toString('base64url')}.${secretChars(r, URLSAFE, 6)}.${secretChars(r, URLSAFE, 38)}`,
      'DISCORD_TOKEN=your-discord-bot-token',
      'discord: MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.xxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  'discord-webhook-url': {
    truePositives: carried(
      (r) => `https://discord.com/api/webhooks/1${secretChars(r, DIGITS, 18)}/${secretChars(r, URLSAFE, 68)}`,
      'webhook',
      [(v) => `DISCORD_WEBHOOK_URL=${v}`, (v) => `2024-05-01 12:00:01 INFO notify ${v} -> 204`],
    ),
    nearMisses: [
      'https://discord.com/api/webhooks/123456789012345678/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
    ],
  },
  'telegram-bot-token': {
    truePositives: carried(
      (r) => `${secretChars(r, DIGITS, 10)}:AA${secretChars(r, URLSAFE, 33)}`,
      'telegram_bot_token',
      [
        (v) => `export TELEGRAM_BOT_TOKEN=${v}`,
        (v) => `GET https://api.telegram.org/bot${v}/getUpdates 200`,
        (v) => `telegram:\n  token: "${v}"`,
      ],
    ),
    nearMisses: [
      'TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ratio 16:AAx of the screen',
      '12345:AAbc',
    ],
  },
  'microsoft-teams-webhook-url': {
    truePositives: carried(
      (r) =>
        `https://contoso.webhook.office.com/webhookb2/${uuid(r)}@${uuid(r)}/IncomingWebhook/${secretChars(r, HEX, 32)}/${uuid(r)}`,
      'teams_webhook',
      [(v) => `TEAMS_WEBHOOK_URL=${v}`, (v) => `{"teams": {"webhook": "${v}"}}`],
    ),
    nearMisses: [
      'https://contoso.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>',
      'see https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors webhook.office.com',
    ],
  },
  'mattermost-webhook-url': {
    truePositives: carried(
      (r) => `https://chat.acme-corp.io/hooks/${secretChars(r, LOWER + DIGITS, 26)}`,
      'mattermost_webhook',
      [(v) => `MATTERMOST_WEBHOOK_URL=${v}`, (v) => `mattermost:\n  url: "${v}"`],
    ),
    nearMisses: [
      'MATTERMOST_WEBHOOK_URL=https://chat.example.org/hooks/xxx-generatedkey-xxx',
      'mattermost docs: https://developers.mattermost.com/integrate/webhooks/incoming/',
    ],
  },
  'mattermost-access-token': {
    truePositives: carried((r) => secretChars(r, LOWER + DIGITS, 26), 'mattermost_token', [
      (v) => `export MATTERMOST_TOKEN=${v}`,
      (v) => `mattermost_bot_token: "${v}"`,
    ]),
    nearMisses: [
      `MATTERMOST_TOKEN=${ref('MM_TOKEN')}`,
      (r) => `MATTERMOST_TEAM_ID=${secretChars(r, LOWER + DIGITS, 26)}`,
      'MATTERMOST_URL=https://chat.example.org',
    ],
  },
};
