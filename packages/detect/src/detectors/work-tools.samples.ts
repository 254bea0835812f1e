import { ALNUM, DIGITS, HEX } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

// Asana ids (gids) are 16 digits opening with 1: `12...` today, `11...` in older accounts.

export const samples: FamilySamples = {
  'notion-token': {
    truePositives: carried(
      (r) => `ntn_${secretChars(r, DIGITS, 11)}${secretChars(r, ALNUM, 35)}`,
      'notion_token',
      [(v) => `export NOTION_TOKEN=${v}`, (v) => `const notion = new Client({ auth: "${v}" })`],
    ).concat(
      carried((r) => `secret_${secretChars(r, ALNUM, 43)}`, 'notion_token', [(v) => `NOTION_API_KEY: ${v}`]),
    ),
    nearMisses: [
      'NOTION_TOKEN=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'secret_key_base_for_the_rails_application_production_env',
      'ntn_123',
    ],
  },
  'linear-api-key': {
    truePositives: carried((r) => `lin_api_${secretChars(r, ALNUM, 40)}`, 'linear_api_key', [
      (v) => `export LINEAR_API_KEY=${v}`,
      (v) => `headers: { Authorization: "${v}" }`,
    ]),
    nearMisses: ['linear key: lin_api_...', (r) => `lin_api_${secretChars(r, ALNUM, 20)}`],
  },
  'linear-oauth-token': {
    truePositives: carried((r) => `lin_oauth_${secretChars(r, HEX, 64)}`, 'linear_token', [
      (v) => `{"access_token": "${v}", "token_type": "Bearer"}`,
      (v) => `LINEAR_OAUTH_TOKEN=${v}`,
    ]),
    nearMisses: ['lin_oauth_callback_url = /auth/linear', (r) => `lin_oauth_${secretChars(r, HEX, 40)}`],
  },
  'asana-access-token': {
    truePositives: carried(
      (r) => `2/12${secretChars(r, DIGITS, 14)}/12${secretChars(r, DIGITS, 14)}:${secretChars(r, HEX, 32)}`,
      'asana_token',
      [(v) => `export ASANA_ACCESS_TOKEN=${v}`, (v) => `asana:\n  personal_access_token: "${v}"`],
    ).concat(
      carried((r) => `1/11${secretChars(r, DIGITS, 14)}:${secretChars(r, HEX, 32)}`, 'asana_token', [
        (v) => `client = asana.Client.access_token('${v}')`,
      ]),
    ),
    nearMisses: [
      'ASANA_ACCESS_TOKEN=0/0000000000000000:00000000000000000000000000000000',
      'asana project 1/1200000000000000',
    ],
  },
  'airtable-personal-access-token': {
    truePositives: carried(
      (r) => `pat${secretChars(r, ALNUM, 14)}.${secretChars(r, HEX, 64)}`,
      'airtable_token',
      [
        (v) => `export AIRTABLE_API_KEY=${v}`,
        (v) => `const base = new Airtable({ apiKey: '${v}' }).base('app123');`,
      ],
    ),
    nearMisses: [
      'AIRTABLE_API_KEY=patXXXXXXXXXXXXXX.xxxx',
      (r) => `airtable path ${secretChars(r, HEX, 64)}`,
    ],
  },
};
