import { BASE64URL, chars, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'sendgrid-api-key': {
    truePositives: [
      (r) =>
        plant(
          'sendgrid',
          (v) => `SENDGRID_API_KEY=${v}`,
          `SG.${chars(r, BASE64URL, 22)}.${chars(r, BASE64URL, 43)}`,
        ),
    ],
    nearMisses: [
      (r) => `SENDGRID_API_KEY=SG.${chars(r, BASE64URL, 22)}.${chars(r, BASE64URL, 42)}`,
      (r) => `SENDGRID_API_KEY=SG.${chars(r, BASE64URL, 22)}.${chars(r, BASE64URL, 44)}`,
      `SENDGRID_API_KEY=SG.${'x'.repeat(22)}.${'x'.repeat(43)}`,
    ],
  },
};
