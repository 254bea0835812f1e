import { ALNUM, BASE64, HEX } from '../../eval/random.ts';
import { carried, ref, secretChars, uuid } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

const URLSAFE = `${ALNUM}_-`;

export const samples: FamilySamples = {
  'cloudflare-api-token': {
    truePositives: carried((r) => secretChars(r, URLSAFE, 40), 'cloudflare_api_token', [
      (v) => `export CLOUDFLARE_API_TOKEN=${v}`,
      (v) => `cloudflare:\n  cloudflare_token: "${v}"`,
      (v) => `CF_API_TOKEN: ${v}`,
    ]),
    nearMisses: [
      'CLOUDFLARE_API_TOKEN=your-cloudflare-api-token-goes-here-xxxx',
      (r) => `cloudflare_zone_id: ${secretChars(r, HEX, 32)}`,
      (r) => `cloudflare ${secretChars(r, URLSAFE, 39)} is one character short`,
    ],
  },
  'cloudflare-global-api-key': {
    truePositives: carried((r) => secretChars(r, HEX, 37), 'cloudflare_api_key', [
      (v) => `export CLOUDFLARE_API_KEY=${v}`,
      (v) =>
        `curl -H "X-Auth-Email: ops@example.org" -H "X-Auth-Key: ${v}" https://api.cloudflare.com/client/v4/zones`,
      (v) => `cf_api_key = "${v}"`,
    ]),
    nearMisses: [
      (r) => `CLOUDFLARE_ACCOUNT_ID=${secretChars(r, HEX, 32)}`,
      `cf_api_key = "${'0'.repeat(37)}"`,
      (r) => `cloudflare_zone = "${secretChars(r, HEX, 36)}"`,
    ],
  },
  'cloudflare-origin-ca-key': {
    truePositives: carried(
      (r) => `v1.0-${secretChars(r, HEX, 24)}-${secretChars(r, HEX, 146)}`,
      'origin_ca_key',
      [(v) => `export CF_API_KEY=${v}`, (v) => `origin_ca_key: "${v}"`],
    ),
    nearMisses: [
      (r) => `v1.0-${secretChars(r, HEX, 24)}-${secretChars(r, HEX, 100)}`,
      'version v1.0-beta released',
    ],
  },
  'flyio-access-token': {
    truePositives: carried((r) => `fo1_${secretChars(r, URLSAFE, 43)}`, 'fly_api_token', [
      (v) => `export FLY_API_TOKEN=${v}`,
      (v) => `fly_token: ${v}`,
    ]).concat(
      carried((r) => `fm2_${secretChars(r, BASE64, 180)}==`, 'fly_api_token', [
        (v) => `FLY_API_TOKEN="FlyV1 ${v}"`,
      ]),
    ),
    nearMisses: [
      'api_key = "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'pub const MINIDUMP_SYSMEMINFO1_PERF: u32 = 4u32;',
      (r) => `token fo1_${secretChars(r, URLSAFE, 20)}`,
    ],
  },
  'heroku-api-key': {
    truePositives: carried((r) => `HRKU-AA${secretChars(r, URLSAFE, 58)}`, 'heroku_api_key', [
      (v) => `export HEROKU_API_KEY=${v}`,
      (v) => `machine api.heroku.com\n  login me@example.org\n  password ${v}`,
    ]),
    nearMisses: [
      'HEROKU_API_KEY=HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `HRKU-AA${secretChars(r, URLSAFE, 20)}`,
    ],
  },
  'heroku-legacy-api-key': {
    truePositives: carried(uuid, 'heroku_api_key', [
      (v) => `export HEROKU_API_KEY=${v}`,
      (v) => `heroku_api_key: "${v}"`,
      (v) => `HEROKU_AUTH_TOKEN = '${v}'`,
    ]),
    nearMisses: [
      'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
      (r) => `HEROKU_APP_ID=${uuid(r)}`,
      `heroku_api_key: ${ref('HEROKU_API_KEY')}`,
    ],
  },
  'vercel-access-token': {
    truePositives: carried((r) => secretChars(r, ALNUM, 24), 'vercel_token', [
      (v) => `export VERCEL_TOKEN=${v}`,
      (v) => `vercel_token: "${v}"`,
      (v) => `{"vercelToken": "${v}"}`,
    ]),
    nearMisses: [
      'VERCEL_ORG_ID=team_abcdefghijklmnopqrstuvwx',
      'VERCEL_TOKEN=your_vercel_token_here',
      (r) => `VERCEL_PROJECT_ID=prj_${secretChars(r, ALNUM, 28)}`,
    ],
  },
  'netlify-access-token': {
    truePositives: carried((r) => `nfp_${secretChars(r, ALNUM, 36)}`, 'netlify_auth_token', [
      (v) => `export NETLIFY_AUTH_TOKEN=${v}`,
      (v) => `token: ${v}`,
    ]),
    nearMisses: [
      'token: nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `nfp_${secretChars(r, ALNUM, 20)} is too short`,
    ],
  },
  'netlify-legacy-access-token': {
    truePositives: carried((r) => secretChars(r, URLSAFE, 43), 'netlify_auth_token', [
      (v) => `export NETLIFY_AUTH_TOKEN=${v}`,
      (v) => `netlify_token: "${v}"`,
    ]),
    nearMisses: [
      (r) => `NETLIFY_SITE_ID=${uuid(r)}`,
      'NETLIFY_AUTH_TOKEN=<netlify-personal-access-token-placeholder>',
      (r) => `netlify_build_image: ${secretChars(r, 'abcdef', 12)}`,
    ],
  },
};
