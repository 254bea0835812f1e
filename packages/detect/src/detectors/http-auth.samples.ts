import { ALNUM, chars, LOWER, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'http-basic-auth': {
    truePositives: [
      (r) => {
        const value = Buffer.from(`${chars(r, LOWER, 6)}:${chars(r, ALNUM, 14)}`).toString('base64');
        return plant('headers', (v) => `Authorization: Basic ${v}`, value);
      },
    ],
    nearMisses: [`Authorization: Basic ${Buffer.from('user:password').toString('base64')}`],
  },
};
