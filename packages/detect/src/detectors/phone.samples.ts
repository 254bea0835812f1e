import { digits, int, pick, plant, type Rng } from '../../eval/random.ts';
import { phoneValid } from './phone.ts';
import type { FamilySamples } from './samples.ts';

const AREAS = ['212', '415', '617', '303', '512', '206'];

function phone(rng: Rng): string {
  for (;;) {
    const v = pick(rng, [
      () => `(${pick(rng, AREAS)}) ${int(rng, 201, 989)}-${digits(rng, 4)}`,
      () => `${pick(rng, AREAS)}-${int(rng, 201, 989)}-${digits(rng, 4)}`,
      () => `+44 20 ${int(rng, 3000, 8999)} ${digits(rng, 4)}`,
      () => `+49 30 ${int(rng, 2000000, 9999999)}`,
      () => `+33 1 ${int(rng, 10, 99)} ${int(rng, 10, 99)} ${int(rng, 10, 99)} ${int(rng, 10, 99)}`,
      () => `+1 ${pick(rng, ['212', '415', '617'])} ${int(rng, 201, 989)} ${digits(rng, 4)}`,
      () => `${pick(rng, ['212', '415', '617'])}.${int(rng, 201, 989)}.${digits(rng, 4)}`,
    ])();
    if (phoneValid(v) && !v.includes('-555-') && !v.includes(') 555-')) return v;
  }
}

export const samples: FamilySamples = {
  'phone-number': {
    truePositives: [
      (r) => plant('phone', (v) => `phone: ${v}`, phone(r)),
      (r) =>
        plant(
          'phone',
          (v) => `PER*IP**HP*${v}~`,
          `${pick(r, AREAS)}${int(r, 201, 989)}${int(r, 1000, 9999)}`,
        ),
      (r) =>
        plant(
          'phone',
          (v) => `{"deviceType": "MOBILE", "countryCallingCode": "1", "number": "${v}"}`,
          `${pick(r, AREAS)}${int(r, 201, 989)}${int(r, 1000, 9999)}`,
        ),
    ],
    nearMisses: [
      (r) =>
        `"countryCallingCode": "1", "ticketNumber": "${pick(r, AREAS)}${int(r, 201, 989)}${int(r, 1000, 9999)}"`,
      (r) => `REF*0F*${pick(r, AREAS)}${int(r, 201, 989)}${int(r, 1000, 9999)}~`,
      (r) => `ticket ${pick(r, ['123', '011', '199'])}-${digits(r, 3)}-${digits(r, 4)}`,
      (r) => `ISBN 978-${int(r, 0, 9)}-${digits(r, 3)}-${digits(r, 5)}-${int(r, 0, 9)}`,
      (r) => `release ${int(r, 1, 9)}.${int(r, 0, 30)}.${int(r, 0, 30)}`,
      (r) => `at ${int(r, 10, 60)}.${digits(r, 4)}, -${int(r, 0, 9)}.${digits(r, 4)}`,
      (r) => `total 1,${digits(r, 3)},${digits(r, 3)}.${digits(r, 2)} EUR`,
      (r) =>
        `at ${int(r, 2020, 2025)}-0${int(r, 1, 9)}-1${int(r, 0, 9)} 1${int(r, 0, 9)}:${int(r, 10, 59)}:${int(r, 10, 59)}.${digits(r, 3)}`,
    ],
  },
};
