import { isValidIBAN } from 'ibantools';
import { chars, DIGITS, digits, pick, plant, type Rng, UPPER } from '../../eval/random.ts';
import { ibanMod97 } from '../validators/iban.ts';
import type { FamilySamples } from './samples.ts';

function ibanFor(rng: Rng): string {
  for (;;) {
    const country = pick(rng, ['DE', 'GB', 'NL', 'FR', 'IT', 'ES']);
    const bban =
      country === 'DE'
        ? digits(rng, 18)
        : country === 'GB'
          ? chars(rng, UPPER, 4) + digits(rng, 14)
          : country === 'NL'
            ? chars(rng, UPPER, 4) + digits(rng, 10)
            : country === 'FR'
              ? digits(rng, 10) + chars(rng, UPPER + DIGITS, 11) + digits(rng, 2)
              : country === 'IT'
                ? chars(rng, UPPER, 1) + digits(rng, 10) + chars(rng, UPPER + DIGITS, 12)
                : digits(rng, 20);
    const check = 98 - ibanMod97(`${country}00${bban}`);
    const iban = `${country}${String(check).padStart(2, '0')}${bban}`;
    if (isValidIBAN(iban)) return iban;
  }
}

export const samples: FamilySamples = {
  iban: {
    truePositives: [
      (r) => plant('iban', (v) => `IBAN ${v}`, ibanFor(r)),
      (r) => plant('counterparty', (v) => `?21SVWZ+Miete?31${v}?32MUSTERMANN, ERIKA`, ibanFor(r)),
    ],
    nearMisses: [
      (r) => {
        const v = ibanFor(r);
        return `IBAN ${v.slice(0, 2)}${String((Number(v.slice(2, 4)) % 97) + 1).padStart(2, '0')}${v.slice(4)}`;
      },
      (r) => `ref X1${ibanFor(r)}`,
      'test IBAN `DE89370400440532013000` (succeeds)',
      'The ISO 13616 example GB82 WEST 1234 5698 7654 32',
    ],
  },
};
