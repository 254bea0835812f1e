import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { ci, contextHas, QUOTES, re, rep } from './pattern-kit.ts';

/** Twilio API key SID (`SK` + 32 hex), reported only near the word Twilio. */
export const twilioApiKey: Detector = {
  id: 'twilio-api-key',
  name: 'Twilio API key',
  category: 'credentials',
  severity: 'high',
  keywords: ['twilio'],
  pattern: re(`\\bSK${rep('[0-9a-f]', 32)}\\b`),
  validate: (value, ctx) =>
    looksRandom(value.slice(2), { minEntropy: 2.8, minClasses: 2 }) && contextHas(ctx, ['twilio']),
  contextWords: ['twilio'],
  requireContext: true,
  baseConfidence: 0.85,
  validator: 'entropy; the word twilio on the line',
  example: '`SK` + 32 hex, beside the word `twilio`',
  mask: { keepStart: 2, keepEnd: 4 },
};

/** Twilio auth token (32 hex) assigned to a `twilio_auth_token`-style name. */
export const twilioAuthToken: Detector = {
  id: 'twilio-auth-token',
  name: 'Twilio auth token',
  category: 'credentials',
  severity: 'critical',
  keywords: ['twilio_auth_token', 'twilioauthtoken', 'twilio auth token'],
  pattern: re(
    `${ci('twilio')}[_ ]?${ci('auth')}[_ ]?${ci('token')}${QUOTES}[ \\t]{0,4}(?:[:=]|=>)[ \\t]{0,4}${QUOTES}(${rep('[0-9a-f]', 32)})\\b`,
  ),
  valueGroup: 1,
  validate: (value) => looksRandom(value, { minEntropy: 2.8, minClasses: 2 }),
  contextWords: ['twilio', 'account_sid'],
  baseConfidence: 0.9,
  validator: 'entropy',
  example: '32 hex assigned to `TWILIO_AUTH_TOKEN`',
  mask: { keepStart: 2, keepEnd: 2 },
};

export const twilioDetectors: readonly Detector[] = [twilioApiKey, twilioAuthToken];
