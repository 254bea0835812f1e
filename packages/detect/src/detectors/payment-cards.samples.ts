import { luhnNumber, pick, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'payment-card': {
    truePositives: [
      (r) => {
        const [prefix, len] = pick(r, [
          ['4', 16],
          ['51', 16],
          ['55', 16],
          ['2221', 16],
          ['37', 15],
          ['6011', 16],
          ['4', 19],
          ['3530', 16],
        ] as const);
        const n = luhnNumber(prefix, len, r);
        const amex = `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`;
        const spaced =
          len === 15
            ? pick(r, [n, amex])
            : pick(r, [n, n.replace(/(\d{4})(?=\d)/g, '$1 '), n.replace(/(\d{4})(?=\d)/g, '$1-')]);
        return plant(
          'card_number',
          (v) => pick(r, [`card: ${v}`, `paid with ${v} on file`, `cc=${v}`]),
          spaced,
        );
      },
    ],
    nearMisses: [
      '| success | 4242 4242 4242 4242 | any | future |',
      'Amex test card 3782 822463 10005',
      (r) => {
        const n = luhnNumber('4', 16, r);
        return `card: ${n.slice(0, 15)}${(Number(n[15]) + 1) % 10}`;
      },
      'card: 4111111111111111',
    ],
  },
};
