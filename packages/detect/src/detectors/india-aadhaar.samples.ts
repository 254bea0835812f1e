import { digits, int, plant } from '../../eval/random.ts';
import { verhoeffCheckDigit } from '../validators/verhoeff.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'in-aadhaar': {
    truePositives: [
      (r) => {
        const body = String(int(r, 2, 9)) + digits(r, 10);
        const n = body + verhoeffCheckDigit(body);
        return plant('aadhaar', (v) => `Aadhaar: ${v}`, `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`);
      },
    ],
    nearMisses: [
      (r) => {
        const body = String(int(r, 2, 9)) + digits(r, 10);
        const bad = (verhoeffCheckDigit(body) + 1) % 10;
        return `Aadhaar: ${body.slice(0, 4)} ${body.slice(4, 8)} ${body.slice(8)}${bad}`;
      },
    ],
  },
};
