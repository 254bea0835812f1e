import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

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

export const googleDetectors: readonly Detector[] = [googleApiKey, gcpServiceAccount];
