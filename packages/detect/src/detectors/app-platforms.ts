import type { Detector } from '../types.ts';
import { rep } from './pattern-kit.ts';
import { assignedSecret, shapedToken, UUID, uuidLooksReal } from './token-kit.ts';

const CLOUDFLARE_NAMES = ['cloudflare', 'cf_api', 'cf_token', 'cf_key', 'cf_auth'] as const;

/** Cloudflare API token: 40 URL-safe characters assigned to a Cloudflare name. */
export const cloudflareApiToken = assignedSecret({
  id: 'cloudflare-api-token',
  name: 'Cloudflare API token',
  severity: 'critical',
  keywords: [...CLOUDFLARE_NAMES],
  names: CLOUDFLARE_NAMES,
  value: '[A-Za-z0-9_-]{40}',
  tail: 'A-Za-z0-9_-',
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['cloudflare', 'token', 'cf_api', 'cf_key', 'cf_auth'],
  validator: 'entropy',
  example: '40 of A-Za-z0-9_- assigned to a Cloudflare name',
  description: 'A Cloudflare API token with the permissions it was granted (DNS, Workers, zones).',
});

/** Cloudflare global API key: 37 hex assigned to a Cloudflare key name (or `X-Auth-Key`). */
export const cloudflareGlobalApiKey = assignedSecret({
  id: 'cloudflare-global-api-key',
  name: 'Cloudflare global API key',
  severity: 'critical',
  keywords: [...CLOUDFLARE_NAMES, 'x-auth-key'],
  names: [...CLOUDFLARE_NAMES, 'x-auth-key'],
  value: '[a-f0-9]{37}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: [
    'cloudflare',
    'x-auth-email',
    'global',
    'cf_api',
    'cf_token',
    'cf_key',
    'cf_auth',
    'x-auth-key',
  ],
  validator: 'entropy',
  example: '37 hex assigned to a Cloudflare key name (or `X-Auth-Key`)',
  description: 'The legacy global API key of a Cloudflare account: full account control.',
});

/** Cloudflare Origin CA key (`v1.0-` + 24 hex + `-` + 146 hex). */
export const cloudflareOriginCaKey = shapedToken({
  id: 'cloudflare-origin-ca-key',
  name: 'Cloudflare Origin CA key',
  severity: 'high',
  keywords: ['v1.0-'],
  token: `v1\\.0-${rep('[a-f0-9]', 24)}-${rep('[a-f0-9]', 146)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 5,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['cloudflare', 'origin', 'ca_key', 'user-service-key'],
  mask: { keepStart: 5, keepEnd: 4 },
  validator: 'entropy',
  example: '`v1.0-` + 24 hex + `-` + 146 hex',
  description: 'A Cloudflare Origin CA key, which issues origin certificates for the account’s zones.',
});

/** Fly.io tokens: `fo1_` access tokens and `fm1a_`/`fm1r_`/`fm2_` macaroons. */
export const flyioAccessToken = shapedToken({
  id: 'flyio-access-token',
  name: 'Fly.io access token',
  severity: 'critical',
  keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
  token: `fo1_${rep('[A-Za-z0-9_-]', 43)}|fm(?:1[ar]|2)_${rep('[A-Za-z0-9+/]', 100, Number.POSITIVE_INFINITY)}={0,3}`,
  tail: 'A-Za-z0-9_+/=-',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['fly', 'flyv1', 'fly_api_token', 'flyctl'],
  span: { before: 'A-Za-z0-9', maxBefore: 0, after: 'A-Za-z0-9_+/=-', maxAfter: 4096 },
  mask: { keepStart: 5, keepEnd: 4 },
  validator: 'entropy',
  example: '`fo1_` + 43 of A-Za-z0-9_-, or `fm2_` (`fm1a_`, `fm1r_`) + 100 or more base64',
  description: 'A Fly.io access token or macaroon (deploy, org or personal scope).',
});

/** Heroku API key in its current format (`HRKU-AA` + 58 characters). */
export const herokuApiKey = shapedToken({
  id: 'heroku-api-key',
  name: 'Heroku API key',
  severity: 'critical',
  keywords: ['hrku-'],
  token: 'HRKU-AA[A-Za-z0-9_-]{58}',
  randomFrom: 7,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['heroku', 'api_key', 'authorization'],
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`HRKU-AA` + 58 of A-Za-z0-9_-',
  description: 'A Heroku API key or OAuth token with the access of its owner.',
});

/** Heroku API key in its legacy format: a UUID assigned to a Heroku name (`HEROKU_API_KEY`). */
export const herokuLegacyApiKey = assignedSecret({
  id: 'heroku-legacy-api-key',
  name: 'Heroku API key (legacy UUID)',
  severity: 'critical',
  keywords: ['heroku_api', 'heroku_auth', 'heroku_token', 'heroku_oauth', 'herokuapi'],
  names: ['heroku_api', 'heroku_auth', 'heroku_token', 'heroku_oauth', 'herokuapi'],
  value: UUID,
  tail: 'A-Za-z0-9-',
  quality: { minEntropy: 3, minClasses: 1 },
  check: uuidLooksReal,
  contextWords: ['heroku', 'api_key', 'token'],
  validator: 'UUID, not a placeholder',
  example: 'a UUID assigned to a Heroku token name (`HEROKU_API_KEY`)',
  description: 'A legacy Heroku API key (a UUID) with the access of its owner.',
});

/** Vercel access token: 24 alphanumerics assigned to a Vercel name. */
export const vercelAccessToken = assignedSecret({
  id: 'vercel-access-token',
  name: 'Vercel access token',
  severity: 'critical',
  keywords: ['vercel'],
  names: ['vercel'],
  value: '[A-Za-z0-9]{24}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 3.5, minClasses: 3 },
  contextWords: ['vercel', 'token'],
  validator: 'entropy',
  example: '24 base62 assigned to a Vercel name (`VERCEL_TOKEN`)',
  description: 'A Vercel access token: deploys, environment variables and domains of its scope.',
});

/** Netlify personal access token: `nfp_` + 36 alphanumerics. */
export const netlifyAccessToken = shapedToken({
  id: 'netlify-access-token',
  name: 'Netlify personal access token',
  severity: 'critical',
  keywords: ['nfp_'],
  token: 'nfp_[A-Za-z0-9]{36,40}',
  randomFrom: 4,
  quality: { minEntropy: 3.8, minClasses: 3 },
  contextWords: ['netlify', 'netlify_auth_token'],
  validator: 'entropy',
  example: '`nfp_` + 36-40 base62',
  description: 'A Netlify personal access token: sites, deploys and environment variables.',
});

/** Netlify access token in the legacy format: 40 to 64 characters assigned to a Netlify name. */
export const netlifyLegacyAccessToken = assignedSecret({
  id: 'netlify-legacy-access-token',
  name: 'Netlify access token (legacy)',
  severity: 'critical',
  keywords: ['netlify'],
  names: ['netlify'],
  value: '[A-Za-z0-9_-]{40,64}',
  tail: 'A-Za-z0-9_-',
  quality: { minEntropy: 3.5, minClasses: 2 },
  check: (value) => !value.startsWith('nfp_'),
  contextWords: ['netlify', 'token'],
  validator: 'entropy',
  example: '40-64 of A-Za-z0-9_- assigned to a Netlify name',
  description: 'A Netlify personal access token without the `nfp_` prefix.',
});

export const appPlatformDetectors: readonly Detector[] = [
  cloudflareApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
  flyioAccessToken,
  herokuApiKey,
  herokuLegacyApiKey,
  vercelAccessToken,
  netlifyAccessToken,
  netlifyLegacyAccessToken,
];
