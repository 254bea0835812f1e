import { ALNUM, chars, HEX, int, pick } from '../../eval/random.ts';
import { plant } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'stripe-secret-key': {
    truePositives: [
      (r) =>
        plant(
          'stripe_key',
          (v) => `STRIPE_SECRET_KEY=${v}`,
          `${pick(r, ['sk', 'rk'])}_live_${chars(r, ALNUM, int(r, 24, 99))}`,
        ),
      (r) =>
        plant(
          'STRIPE_RESTRICTED_KEY',
          (v) => `stripe:\n  restricted_key: "${v}"`,
          `rk_live_${chars(r, ALNUM, 99)}`,
        ),
    ],
    nearMisses: [
      (r) => `STRIPE_PUBLISHABLE_KEY=pk_live_${chars(r, ALNUM, 24)}`,
      `STRIPE_SECRET_KEY=sk_live_${'x'.repeat(24)}`,
      'STRIPE_PUBLISHABLE_KEY=pk_live_your_publishable_key',
    ],
  },
  'stripe-webhook-secret': {
    truePositives: [
      (r) =>
        plant('STRIPE_WEBHOOK_SECRET', (v) => `STRIPE_WEBHOOK_SECRET=${v}`, `whsec_${chars(r, ALNUM, 32)}`),
      (r) => plant('endpoint_secret', (v) => `endpoint_secret = '${v}'`, `whsec_${chars(r, HEX, 64)}`),
    ],
    nearMisses: [
      "endpoint_secret = 'whsec_....'",
      'STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};
