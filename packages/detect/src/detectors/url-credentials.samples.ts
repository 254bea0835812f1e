import { ALNUM, chars, LOWER, plant, real } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'url-credentials': {
    truePositives: [
      (r) => {
        const pw = real(() => chars(r, ALNUM, 14));
        return plant(
          'url',
          () => `DATABASE_URL=postgres://app_${chars(r, LOWER, 4)}:${pw}@db.internal.corp:5432/app`,
          pw,
        );
      },
    ],
    nearMisses: [
      'postgres://user:password@localhost:5432/app',
      'DATABASE_URL: postgres://postgres:postgres@localhost:5432/test_db',
    ],
  },
};
