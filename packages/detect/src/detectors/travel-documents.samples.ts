import { digits, pick, type Rng, UPPER } from '../../eval/random.ts';
import type { FamilySamples, Planted } from './samples.ts';

const plant = (field: string, text: string, value: string): Planted => ({ field, text, value });
const passport = (r: Rng) =>
  pick(r, [
    `${pick(r, [...UPPER])}${digits(r, 8)}`,
    digits(r, 9),
    `${pick(r, [...UPPER])}${pick(r, [...UPPER])}${digits(r, 7)}`,
  ]);
const licence = (r: Rng) =>
  pick(r, [
    `${pick(r, [...UPPER])}${digits(r, 7)}`,
    `${digits(r, 4)}-${digits(r, 4)}-${digits(r, 2)}`,
    `${pick(r, [...UPPER])}${digits(r, 12)}`,
  ]);

export const samples: FamilySamples = {
  'passport-number': {
    truePositives: [
      (r) => {
        const x = passport(r);
        return plant('passport_number', `Passport No: ${x}`, x);
      },
      (r) => {
        const x = passport(r);
        return plant('passport', `"passport_number": "${x}"`, x);
      },
      (r) => {
        const x = passport(r);
        return plant(
          'number',
          `{\n  "documentType": "PASSPORT",\n  "birthPlace": "Pune",\n  "issuanceDate": "2020-08-22",\n  "number": "${x}",\n  "holder": true\n}`,
          x,
        );
      },
    ],
    nearMisses: [
      'Passport No: 000000000',
      'passport photo uploaded 2024',
      'Passport: ABCDEFGHI',
      (r) => `{"documentType": "IDENTITY_CARD", "number": "${passport(r)}"}`,
      (r) => `[{"documentType": "PASSPORT"}, {"type": "seat", "number": "${passport(r)}"}]`,
    ],
  },
  'drivers-license-number': {
    truePositives: [
      (r) => {
        const x = licence(r);
        return plant('drivers_license', `Driver's License: ${x}`, x);
      },
      (r) => {
        const x = licence(r);
        return plant('drivers_license', `driving licence number ${x}`, x);
      },
    ],
    nearMisses: ["Driver's License: 11111111", 'driver license valid until next year'],
  },
};
