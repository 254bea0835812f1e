import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';
import { shapedToken } from './token-kit.ts';

/**
 * Google API key (`AIza` + 35 characters). The key must end there: `-` is a word boundary, so
 * the character after it is matched (a longer run is not a key) rather than tested with `\b`.
 */
export const googleApiKey: Detector = {
  id: 'google-api-key',
  name: 'Google API key',
  category: 'credentials',
  severity: 'high',
  keywords: ['aiza'],
  pattern: re(`\\b(AIza${rep('[A-Za-z0-9_-]', 35)})(?:[^A-Za-z0-9_-]|$)`),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(4), { minEntropy: 3.5, minClasses: 2 }),
  contextWords: ['google', 'api_key', 'apikey', 'gcp', 'firebase', 'maps'],
  baseConfidence: 0.9,
  validator: 'entropy',
  example: '`AIza` + 35 of A-Za-z0-9_-',
  mask: { keepStart: 4, keepEnd: 4 },
};

/**
 * GCP service-account key file: the `private_key_id` of a JSON key (the private key itself is
 * also reported by the PEM detector). Confidence rises next to `service_account`/`client_email`.
 */
export const gcpServiceAccount: Detector = {
  id: 'gcp-service-account',
  name: 'GCP service-account key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['private_key_id'],
  pattern: re(`private_key_id[\\\\"]{1,3}[ \\t]{0,4}:[ \\t]{0,4}[\\\\"]{1,3}(${rep('[0-9a-f]', 40)})\\b`),
  valueGroup: 1,
  validate: (value, ctx) => {
    if (!looksRandom(value, { minEntropy: 3, minClasses: 2 })) return false;
    const text = `${ctx.before} ${ctx.after}`;
    const paired = /service_account|gserviceaccount|client_email|client_id|begin private key/.test(text);
    return { valid: true, confidence: paired ? 0.95 : 0.75 };
  },
  contextWords: ['service_account', 'client_email', 'gserviceaccount'],
  baseConfidence: 0.8,
  validator: 'entropy; higher confidence beside service-account fields',
  example: '`"private_key_id": "` + 40 hex, in a service-account JSON key',
  mask: { keepStart: 4, keepEnd: 4 },
};

/** Google OAuth client secret (`GOCSPX-` + 28 characters), as GCP OAuth clients carry it. */
export const gcpOauthClientSecret = shapedToken({
  id: 'gcp-oauth-client-secret',
  name: 'Google OAuth client secret',
  severity: 'high',
  keywords: ['gocspx-'],
  token: 'GOCSPX-[A-Za-z0-9_-]{28}',
  randomFrom: 7,
  quality: { minEntropy: 3.8, minClasses: 3 },
  contextWords: ['client_secret', 'google', 'oauth', 'client_id'],
  baseConfidence: 0.95,
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`GOCSPX-` + 28 of A-Za-z0-9_-',
  description: 'The secret of a Google OAuth client: signs users in and mints tokens as the app.',
});

/** Google OAuth refresh token (`1//0` + 40 to 200 characters): lasting access to its user's granted scopes. */
export const googleOauthRefreshToken = shapedToken({
  id: 'google-oauth-refresh-token',
  name: 'Google OAuth refresh token',
  severity: 'high',
  keywords: ['1//0'],
  token: '1//0[A-Za-z0-9_-]{40,200}',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['refresh_token', 'google', 'oauth', 'gcloud'],
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'entropy',
  example: '`1//0` + 40-200 of A-Za-z0-9_-',
  description: 'A Google OAuth refresh token: new access tokens for the scopes its user granted.',
});

export const googleDetectors: readonly Detector[] = [
  googleApiKey,
  gcpServiceAccount,
  gcpOauthClientSecret,
  googleOauthRefreshToken,
];
