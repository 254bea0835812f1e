import { ALNUM, chars, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'gitlab-token': {
    truePositives: [
      (r) => plant('gitlab_token', (v) => `PRIVATE-TOKEN: ${v}`, `glpat-${chars(r, ALNUM, 20)}`),
    ],
    nearMisses: [
      (r) => `PRIVATE-TOKEN: glpat-${chars(r, ALNUM, 19)}`,
      (r) => `PRIVATE-TOKEN: glpak-${chars(r, ALNUM, 20)}`,
      'PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxxxxxx',
      'GITLAB_TOKEN=glpat-<your_access_token>',
    ],
  },
};
