import { digits, int, pick, plant, type Rng } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

/** Nine digits of a valid SSN (area not 000, 666 or 9xx; group and serial not zero). */
export function ssnDigits(rng: Rng): string {
  let area = int(rng, 1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}${String(int(rng, 1, 99)).padStart(2, '0')}${String(int(rng, 1, 9999)).padStart(4, '0')}`;
}

export const samples: FamilySamples = {
  'us-ssn': {
    truePositives: [
      (r) => {
        const d = ssnDigits(r);
        const formatted = pick(r, [
          `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`,
          `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
          d,
        ]);
        return plant(
          'ssn',
          (v) => pick(r, [`SSN: ${v}`, `social security number ${v}`, `employee ssn=${v};`]),
          formatted,
        );
      },
      (r) => plant('ssn', (v) => `NM1*IL*1*DOE*JANE****34*${v}~`, ssnDigits(r)),
    ],
    nearMisses: [
      (r) => `NM1*IL*1*DOE*JANE****ZZ*${ssnDigits(r)}~`,
      ...['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', '078-05-1120'].map(
        (v) => `SSN: ${v}`,
      ),
      'SSN: 123-45-6789',
      // Nine digits with no context word: also a near-miss of the routing number, SIN and BSN.
      (r) => `order ${ssnDigits(r)} shipped`,
    ],
  },
  'us-itin': {
    truePositives: [
      (r) =>
        plant(
          'itin',
          (v) => `ITIN ${v}`,
          `9${digits(r, 2)}-${int(r, 70, 88)}-${String(int(r, 1, 9999)).padStart(4, '0')}`,
        ),
    ],
    nearMisses: [
      (r) => `sample ITIN 987-65-432${int(r, 0, 9)} (reserved for advertising)`,
      (r) =>
        `ITIN 9${digits(r, 2)}-${pick(r, ['89', '93', '66', '69'])}-${String(int(r, 1, 9999)).padStart(4, '0')}`,
      (r) => `ITIN 9${digits(r, 2)}-${int(r, 70, 88)}-0000`,
      (r) => `order 9${digits(r, 2)}${int(r, 70, 88)}${digits(r, 4)} shipped`,
    ],
  },
};
