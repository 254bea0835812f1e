import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

/** Stripe secret and restricted keys (live and test mode; publishable `pk_` keys are not secret). */
export const stripeSecretKey: Detector = {
  id: 'stripe-secret-key',
  name: 'Stripe secret key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
  pattern: re(`\\b[sr]k_(?:live|test)_${rep('[A-Za-z0-9]', 24, 99)}\\b`),
  validate: (value) => {
    if (!looksRandom(value.slice(8), { minEntropy: 3.5, minClasses: 2 })) return false;
    return { valid: true, confidence: value.includes('_live_') ? 0.95 : 0.7 };
  },
  contextWords: ['stripe', 'secret', 'api_key'],
  baseConfidence: 0.9,
  validator: 'entropy; live keys score higher',
  example: '`sk_live_` (or `rk_live_`, `sk_test_`, `rk_test_`) + 24-99 base62',
  mask: { keepStart: 8, keepEnd: 4 },
};

export const stripeDetectors: readonly Detector[] = [stripeSecretKey];
