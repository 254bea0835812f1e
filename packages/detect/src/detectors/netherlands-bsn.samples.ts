import { digits, int, plant, type Rng } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

function bsn(rng: Rng): string {
  for (;;) {
    const body = String(int(rng, 1, 9)) + digits(rng, 7);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(body[i]) * (9 - i);
    const check = sum % 11;
    if (check <= 9) return body + check;
  }
}

export const samples: FamilySamples = {
  'nl-bsn': {
    truePositives: [(r) => plant('bsn', (v) => `BSN: ${v}`, bsn(r))],
    nearMisses: [
      (r) => {
        const v = bsn(r);
        return `BSN: ${v.slice(0, 8)}${(Number(v[8]) + 1) % 10}`;
      },
    ],
  },
};
