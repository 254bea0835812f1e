import { digits, plant, type Rng } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

function nhs(rng: Rng): string {
  for (;;) {
    const body = digits(rng, 9);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10 && !/([0-9])\1{4}/.test(body)) return body + check;
  }
}

export const samples: FamilySamples = {
  'uk-nhs-number': {
    truePositives: [
      (r) => {
        const n = nhs(r);
        return plant(
          'nhs_number',
          (v) => `NHS number: ${v}`,
          `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
        );
      },
    ],
    nearMisses: [
      (r) => {
        const n = nhs(r);
        return `NHS number: ${n.slice(0, 9)}${(Number(n[9]) + 1) % 10}`;
      },
    ],
  },
};
