import type { Detector, MatchContext } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { contextHas, rep } from './pattern-kit.ts';
import { shapedToken, UUID, uuidLooksReal } from './token-kit.ts';

/** True unless the token continues a base64 run (`…/EAA…`, `…+sl.…`): then it is a slice of a blob. */
function notInBase64Run(_value: string, ctx: MatchContext): boolean {
  return !/[+/]$/.test(ctx.before);
}

/** Facebook (Meta) Graph API access token: `EAA` + 100 or more letters and digits. */
export const facebookAccessToken = shapedToken({
  id: 'facebook-access-token',
  name: 'Facebook access token',
  severity: 'high',
  keywords: ['eaa'],
  token: `EAA[A-Za-z0-9]${rep('[A-Za-z0-9]', 96, Number.POSITIVE_INFINITY)}`,
  tail: 'A-Za-z0-9_-',
  randomFrom: 3,
  quality: { minEntropy: 4.5, minClasses: 3 },
  check: notInBase64Run,
  contextWords: ['facebook', 'access_token', 'graph', 'fb_', 'meta', 'page_token', 'instagram'],
  span: { before: 'A-Za-z0-9', maxBefore: 0, after: 'A-Za-z0-9', maxAfter: 1024 },
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`EAA` + 100 or more letters and digits',
  description:
    'A Facebook/Instagram Graph API user, page or system-user access token: it acts as the user or page within its scopes.',
});

/** Google OAuth 2.0 access token: `ya29.` + the token body. */
export const googleOauthAccessToken = shapedToken({
  id: 'google-oauth-access-token',
  name: 'Google OAuth access token',
  severity: 'medium',
  keywords: ['ya29.'],
  token: `ya29\\.${rep('[A-Za-z0-9_-]', 30, Number.POSITIVE_INFINITY)}`,
  tail: 'A-Za-z0-9_-',
  randomFrom: 5,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['bearer', 'authorization', 'access_token', 'google', 'oauth', 'gcloud'],
  span: { before: 'A-Za-z0-9', maxBefore: 0, after: 'A-Za-z0-9_.-', maxAfter: 2100 },
  mask: { keepStart: 5, keepEnd: 4 },
  example: '`ya29.` + 30 or more of A-Za-z0-9_-',
  description:
    'A Google OAuth 2.0 access token: short-lived (an hour), but it calls Google APIs as its user or service account until it expires.',
});

/** Dropbox short-lived access token: `sl.` (or `sl.u.`) + 130 or more URL-safe characters. */
export const dropboxAccessToken = shapedToken({
  id: 'dropbox-access-token',
  name: 'Dropbox access token',
  severity: 'high',
  keywords: ['sl.'],
  token: `sl\\.(?:u\\.)?${rep('[A-Za-z0-9_-]', 130, Number.POSITIVE_INFINITY)}`,
  tail: 'A-Za-z0-9_-',
  randomFrom: 3,
  quality: { minEntropy: 4.5, minClasses: 3 },
  check: notInBase64Run,
  contextWords: ['dropbox', 'bearer', 'access_token', 'dbx'],
  span: { before: 'A-Za-z0-9', maxBefore: 0, after: 'A-Za-z0-9_.-', maxAfter: 1600 },
  mask: { keepStart: 3, keepEnd: 4 },
  example: '`sl.` + 130 or more of A-Za-z0-9_-',
  description: 'A Dropbox API access token: the files and account of the user or team that granted it.',
});

/** Dropbox long-lived access token: 11 characters, ten `A`s, 43 more; named as Dropbox's. */
export const dropboxLongLivedToken: Detector = {
  ...shapedToken({
    id: 'dropbox-long-lived-token',
    name: 'Dropbox long-lived access token',
    severity: 'high',
    keywords: ['dropbox', 'dbx'],
    token: '[a-zA-Z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}',
    tail: 'A-Za-z0-9_=-',
    randomFrom: 21,
    quality: { minEntropy: 3.5, minClasses: 2 },
    check: (value) => looksRandom(value.slice(0, 11), { minEntropy: 2.5, minClasses: 1 }),
    contextWords: ['dropbox', 'dbx'],
    mask: { keepStart: 3, keepEnd: 4 },
    example: '11 letters and digits + `AAAAAAAAAA` + 43 of A-Za-z0-9_=- beside `dropbox`',
    description: 'A legacy long-lived Dropbox API token: no expiry, the granting account’s files.',
  }),
  requireContext: true,
};

/** Trello API token of the current format: `ATTA` + 64 hex + an 8-hex checksum. */
export const trelloApiToken = shapedToken({
  id: 'trello-api-token',
  name: 'Trello API token',
  severity: 'high',
  keywords: ['atta'],
  token: 'ATTA[a-fA-F0-9]{64}[A-Fa-f0-9]{8}',
  tail: 'A-Za-z0-9',
  randomFrom: 4,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['trello', 'token', 'key'],
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`ATTA` + 72 hex',
  description: 'A Trello (Atlassian) API token: the boards and cards of the member who issued it.',
});

/** Figma personal access token: `figd_` + about 40 URL-safe characters. */
export const figmaAccessToken = shapedToken({
  id: 'figma-access-token',
  name: 'Figma personal access token',
  severity: 'high',
  keywords: ['figd_'],
  token: 'figd_[A-Za-z0-9_-]{38,44}',
  randomFrom: 5,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['figma', 'x-figma-token', 'token'],
  mask: { keepStart: 5, keepEnd: 4 },
  example: '`figd_` + 38 to 44 of A-Za-z0-9_-',
  description: 'A Figma personal access token: read (and comment on) every file its owner can open.',
});

/** Supabase personal access token (`sbp_` + 40 hex) and secret API key (`sb_secret_`). */
export const supabaseKey = shapedToken({
  id: 'supabase-secret-key',
  name: 'Supabase access token or secret key',
  severity: 'critical',
  keywords: ['sbp_', 'sb_secret_'],
  token: 'sbp_(?:oauth_)?[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,64}',
  randomFrom: 4,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['supabase', 'service_role', 'access_token', 'secret'],
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`sbp_` + 40 hex, or `sb_secret_` + 31 or more of A-Za-z0-9_-',
  description:
    'A Supabase personal access token (every project of the account) or secret API key (bypasses row-level security).',
});

/** Pinecone API key: `pcsk_` + key id + `_` + secret. */
export const pineconeApiKey = shapedToken({
  id: 'pinecone-api-key',
  name: 'Pinecone API key',
  severity: 'high',
  keywords: ['pcsk_'],
  token: 'pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}',
  randomFrom: 5,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['pinecone', 'api_key'],
  mask: { keepStart: 5, keepEnd: 4 },
  example: '`pcsk_` + 4 to 8 letters and digits + `_` + 50 or more',
  description: 'A Pinecone API key: the project’s vector indexes, to read, write and delete.',
});

/** Firebase Cloud Messaging legacy server key: `AAAA` + 7 + `:APA91b` + 134 URL-safe characters. */
export const fcmServerKey = shapedToken({
  id: 'firebase-cloud-messaging-server-key',
  name: 'Firebase Cloud Messaging server key',
  severity: 'high',
  keywords: [':apa91b'],
  token: 'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
  randomFrom: 18,
  quality: { minEntropy: 4.5, minClasses: 3 },
  contextWords: ['firebase', 'fcm', 'server_key', 'serverkey', 'key=', 'gcm'],
  span: { before: 'A-Za-z0-9_-', maxBefore: 11, after: 'A-Za-z0-9_-', maxAfter: 160 },
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`AAAA` + 7 + `:APA91b` + 134 of A-Za-z0-9_-',
  description:
    'A Firebase Cloud Messaging legacy server key: sends push notifications to every user of the app.',
});

/** LaunchDarkly server-side SDK key (`sdk-` + UUID) or API access token (`api-` + UUID beside LaunchDarkly). */
export const launchDarklyKey = shapedToken({
  id: 'launchdarkly-key',
  name: 'LaunchDarkly SDK key or access token',
  severity: 'high',
  keywords: ['sdk-', 'api-'],
  token: `(?:sdk|api)-${UUID}`,
  randomFrom: 4,
  quality: { minEntropy: 3, minClasses: 1 },
  check: (value, ctx) =>
    uuidLooksReal(value.slice(4)) &&
    (value.startsWith('sdk-') || contextHas(ctx, ['launchdarkly', 'ld_api', 'ld_access', 'ld_token'])),
  contextWords: ['launchdarkly', 'ld_sdk_key', 'sdk_key', 'ld_api', 'ld_access'],
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`sdk-` + a UUID, or `api-` + a UUID beside `launchdarkly`',
  description:
    'A LaunchDarkly server-side SDK key (every flag and segment of an environment) or API access token.',
});

/** Adobe developer console OAuth client secret: `p8e-` + 32 letters and digits. */
export const adobeClientSecret = shapedToken({
  id: 'adobe-client-secret',
  name: 'Adobe client secret',
  severity: 'high',
  keywords: ['p8e-'],
  token: 'p8e-[A-Za-z0-9_-]{32}',
  randomFrom: 4,
  quality: { minEntropy: 3.5, minClasses: 2 },
  contextWords: ['adobe', 'client_secret', 'ims'],
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`p8e-` + 32 letters and digits',
  description:
    'An Adobe Developer Console OAuth client secret: Adobe APIs (Photoshop, PDF Services, Analytics) as the integration.',
});

/** Tailscale auth, API, OAuth client and webhook keys: `tskey-<kind>-<id>-<secret>`. */
export const tailscaleKey = shapedToken({
  id: 'tailscale-key',
  name: 'Tailscale key',
  severity: 'critical',
  keywords: ['tskey-'],
  token: 'tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{6,24}-[A-Za-z0-9]{20,48}',
  randomFrom: 10,
  quality: { minEntropy: 3.5, minClasses: 2 },
  contextWords: ['tailscale', 'ts_authkey', 'authkey', 'oauth'],
  mask: { keepStart: 11, keepEnd: 4 },
  example: '`tskey-auth-` (`api`, `client`, `scim`, `webhook`) + id + `-` + 20 or more letters and digits',
  description:
    'A Tailscale auth key (joins machines to the tailnet), API access token or OAuth client secret.',
});

/** Render API key: `rnd_` + 32 letters and digits. */
export const renderApiKey = shapedToken({
  id: 'render-api-key',
  name: 'Render API key',
  severity: 'critical',
  keywords: ['rnd_'],
  token: 'rnd_[A-Za-z0-9]{32}',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['render', 'api_key'],
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`rnd_` + 32 letters and digits',
  description:
    'A Render API key: deploys, environment variables and services of every workspace of its user.',
});

/** ClickUp personal API token: `pk_` + user id + `_` + 32 upper-case letters and digits. */
export const clickupToken = shapedToken({
  id: 'clickup-api-token',
  name: 'ClickUp personal API token',
  severity: 'high',
  keywords: ['pk_'],
  token: 'pk_[0-9]{4,12}_[A-Z0-9]{32}',
  randomFrom: 3,
  quality: { minEntropy: 3.5, minClasses: 2 },
  contextWords: ['clickup', 'authorization', 'token'],
  mask: { keepStart: 3, keepEnd: 4 },
  example: '`pk_` + user id + `_` + 32 of A-Z0-9',
  description: 'A ClickUp personal API token: every workspace, task and document its user can reach.',
});

/** Tencent Cloud SecretId: `AKID` + 32 letters and digits (the SecretKey sits beside it). */
export const tencentSecretId = shapedToken({
  id: 'tencent-cloud-secret-id',
  name: 'Tencent Cloud SecretId',
  severity: 'high',
  keywords: ['akid'],
  token: 'AKID[A-Za-z0-9]{32}',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['tencent', 'secretid', 'secret_id', 'qcloud', 'tccli'],
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`AKID` + 32 letters and digits',
  description: 'A Tencent Cloud API SecretId; with its SecretKey, the account’s cloud resources.',
});

/** MailerSend API token: `mlsn.` + 64 hex. */
export const mailersendToken = shapedToken({
  id: 'mailersend-api-token',
  name: 'MailerSend API token',
  severity: 'high',
  keywords: ['mlsn.'],
  token: 'mlsn\\.[a-f0-9]{64}',
  tail: 'A-Za-z0-9',
  randomFrom: 5,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['mailersend', 'api_key', 'token'],
  mask: { keepStart: 5, keepEnd: 4 },
  example: '`mlsn.` + 64 hex',
  description: 'A MailerSend API token: sends mail from the account’s verified domains.',
});

/** Yandex Cloud OAuth token (`y0_`) and API key (`AQVN`). */
export const yandexCloudToken = shapedToken({
  id: 'yandex-cloud-token',
  name: 'Yandex Cloud OAuth token or API key',
  severity: 'high',
  keywords: ['y0_', 'aqvn'],
  token: 'y0_[A-Za-z0-9_-]{50,60}|AQVN[A-Za-z0-9_-]{35,38}',
  randomFrom: 3,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['yandex', 'yc_token', 'oauth', 'api_key', 'iam'],
  mask: { keepStart: 3, keepEnd: 4 },
  example: '`y0_` + about 55 of A-Za-z0-9_-, or `AQVN` + 35 to 38',
  description: 'A Yandex Cloud (Yandex ID) OAuth token or service-account API key.',
});

/** ClickHouse Cloud API secret key: `4b1d` + 38 letters and digits. */
export const clickhouseCloudKey = shapedToken({
  id: 'clickhouse-cloud-api-secret',
  name: 'ClickHouse Cloud API secret key',
  severity: 'high',
  keywords: ['4b1d'],
  token: '4b1d[A-Za-z0-9]{38}',
  tail: 'A-Za-z0-9',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['clickhouse', 'key_secret', 'api_key'],
  mask: { keepStart: 4, keepEnd: 4 },
  example: '`4b1d` + 38 letters and digits (mixed case)',
  description: 'A ClickHouse Cloud API key secret: the organization’s services, backups and members.',
});

export const saasTokenDetectors: readonly Detector[] = [
  facebookAccessToken,
  googleOauthAccessToken,
  dropboxAccessToken,
  dropboxLongLivedToken,
  trelloApiToken,
  figmaAccessToken,
  supabaseKey,
  pineconeApiKey,
  fcmServerKey,
  launchDarklyKey,
  adobeClientSecret,
  tailscaleKey,
  renderApiKey,
  clickupToken,
  tencentSecretId,
  mailersendToken,
  yandexCloudToken,
  clickhouseCloudKey,
];
