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
    // Paystack's secret keys share the prefix: `sk_live_` and 40 lower-case hex.
    if (/^[sr]k_(?:live|test)_[0-9a-f]{40}$/.test(value)) return false;
    if (!looksRandom(value.slice(8), { minEntropy: 3.5, minClasses: 2 })) return false;
    return { valid: true, confidence: value.includes('_live_') ? 0.95 : 0.7 };
  },
  contextWords: ['stripe', 'secret', 'api_key'],
  baseConfidence: 0.9,
  validator: 'entropy; live keys score higher',
  example: '`sk_live_` (or `rk_live_`, `sk_test_`, `rk_test_`) + 24-99 base62',
  mask: { keepStart: 8, keepEnd: 4 },
};

/**
 * Webhook signing secret (`whsec_`): Stripe's dashboard and CLI secrets, and Svix's (which
 * Clerk, Resend and others use). Whoever holds it can forge webhook events.
 */
export const stripeWebhookSecret: Detector = {
  id: 'stripe-webhook-secret',
  validator: 'entropy, not a placeholder',
  example: 'whsec_ then 32+ letters and digits',
  name: 'Stripe webhook signing secret',
  category: 'credentials',
  severity: 'high',
  keywords: ['whsec_'],
  pattern: re(`(?:^|[^A-Za-z0-9+/_-])(whsec_${rep('[A-Za-z0-9+/]', 24, 88)}={0,2})(?:[^A-Za-z0-9+/=_-]|$)`),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(6), { minEntropy: 3.5, minClasses: 2 }),
  contextWords: ['stripe', 'webhook', 'signing', 'svix', 'endpoint_secret'],
  baseConfidence: 0.9,
  mask: { keepStart: 8, keepEnd: 4 },
  description:
    'whsec_ and 24 to 88 base64 characters (32 alphanumerics from the dashboard, 64 hex from the CLI).',
};

export const stripeDetectors: readonly Detector[] = [stripeSecretKey, stripeWebhookSecret];
