import { ALNUM, chars, int, pick, plant } from '../../eval/random.ts';
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
    ],
    nearMisses: [
      (r) => `STRIPE_PUBLISHABLE_KEY=pk_live_${chars(r, ALNUM, 24)}`,
      `STRIPE_SECRET_KEY=sk_live_${'x'.repeat(24)}`,
    ],
  },
};
