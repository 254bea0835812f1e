import { int, plant } from '../../eval/random.ts';
import { dniLetter } from '../validators/national-ids.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'es-dni': {
    truePositives: [
      (r) => {
        const n = int(r, 10000000, 99999999);
        return plant('dni', (v) => `DNI ${v}`, `${n}${dniLetter(n)}`);
      },
    ],
    nearMisses: [
      (r) => {
        const n = int(r, 10000000, 99999999);
        return `DNI ${n}${dniLetter(n + 1)}`;
      },
    ],
  },
};
