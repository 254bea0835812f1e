import { luhnNumber, pick, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'canada-sin': {
    truePositives: [
      (r) => {
        const n = luhnNumber(String(pick(r, [1, 2, 3, 4, 5, 6, 7, 9])), 9, r);
        return plant('sin', (v) => `SIN: ${v}`, `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`);
      },
      (r) => {
        const n = luhnNumber(String(pick(r, [1, 2, 3, 4, 5, 6, 7, 9])), 9, r);
        return plant('sin', (v) => `employee ${v}`, `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`);
      },
    ],
    nearMisses: [
      // A colour table's rows pass Luhn as often as any nine digits; spaced groups need `SIN`.
      '255 250 250\t\tsnow\n245 222 179\t\twheat',
      (r) => {
        const n = luhnNumber('1', 9, r);
        return `SIN: ${n.slice(0, 8)}${(Number(n[8]) + 1) % 10}`;
      },
    ],
  },
};
