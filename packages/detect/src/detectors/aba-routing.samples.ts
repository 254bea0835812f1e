import { digits, pick, plant, type Rng } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

const PREFIXES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '21',
  '22',
  '26',
  '31',
];

/** A routing number with a Federal Reserve prefix and its 3-7-1 checksum. */
function aba(rng: Rng): string {
  const body = pick(rng, [...PREFIXES, '32', '61', '67', '71']) + digits(rng, 6);
  const weights = [3, 7, 1, 3, 7, 1, 3, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  return body + ((10 - (sum % 10)) % 10);
}

export const samples: FamilySamples = {
  'aba-routing-number': {
    truePositives: [(r) => plant('routing_number', (v) => `routing number: ${v}`, aba(r))],
    nearMisses: [
      (r) => {
        const v = aba(r);
        return `routing number: ${v.slice(0, 8)}${(Number(v[8]) + 1) % 10}`;
      },
    ],
  },
};
