import { ALNUM, chars, lastCharChanged, plant } from '../../eval/random.ts';
import { tokenChecksum } from '../validators/github-checksum.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'npm-token': {
    truePositives: [
      (r) => {
        const random = chars(r, ALNUM, 30);
        return plant(
          'npmrc',
          (v) => `//registry.npmjs.org/:_authToken=${v}`,
          `npm_${random}${tokenChecksum(random)}`,
        );
      },
    ],
    nearMisses: [
      (r) => {
        const random = chars(r, ALNUM, 30);
        return `_authToken=${lastCharChanged(`npm_${random}${tokenChecksum(random)}`, ALNUM)}`;
      },
    ],
  },
};
