import { int, pick, plant, type Rng } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

const MONTHS = 'January February March April May June July August September October November December';

function dateOfBirth(rng: Rng): string {
  const y = int(rng, 1940, 2005);
  const m = int(rng, 1, 12);
  const d = int(rng, 1, 28);
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const month = MONTHS.split(' ')[m - 1];
  return pick(rng, [`${y}-${mm}-${dd}`, `${dd}/${mm}/${y}`, `${month} ${d}, ${y}`, `${d} ${month} ${y}`]);
}

function compactDate(rng: Rng): string {
  return `${int(rng, 1940, 2005)}${String(int(rng, 1, 12)).padStart(2, '0')}${String(int(rng, 1, 28)).padStart(2, '0')}`;
}

export const samples: FamilySamples = {
  'date-of-birth': {
    truePositives: [
      (r) =>
        plant(
          'dob',
          (v) => pick(r, [`Date of birth: ${v}`, `DOB ${v}`, `born on ${v} in Leeds`, `"birthdate": "${v}"`]),
          dateOfBirth(r),
        ),
      (r) =>
        plant(
          'dob',
          (v) =>
            pick(r, [
              `PID|1||MR${int(r, 100000, 999999)}^^^MERCY^MR||DOE^JANE^Q||${v}|F|||`,
              `DMG*D8*${v}*F~`,
              `BDAY:${v}`,
            ]),
          compactDate(r),
        ),
      (r) => {
        const d = dateOfBirth(r);
        const iso = /^[0-9]{4}-/.test(d) ? d : `${int(r, 1940, 2005)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`;
        return pick(r, [
          plant('dob', (v) => `"dob":{"$date":"${v}T00:00:00.000Z"}`, iso),
          plant('bday', (v) => `BDAY;value=date:${v}`, iso),
        ]);
      },
      (r) => {
        const [d, m, y] = [int(r, 10, 28), int(r, 10, 12), int(r, 1940, 2005)];
        return pick(r, [
          plant('geboren', (v) => `Mieterin, geboren am ${v} in Köln`, `${d}.${m}.${y}`),
          plant('birthdate', (v) => `Contact Birthdate ${v}`, `${m}/${d}/${y}`),
        ]);
      },
    ],
    nearMisses: [
      (r) => `created: ${dateOfBirth(r)}`,
      (r) => `date of birth: (not given)\ncreated: ${dateOfBirth(r)}`,
      (r) => `PID|1||MR${int(r, 100000, 999999)}^^^MERCY^MR||DOE^JANE^Q|${compactDate(r)}|`,
      (r) => `DTP*348*D8*${compactDate(r)}~`,
      'Date of birth: 1900-01-01',
      (r) => `dob ${compactDate(r)}${int(r, 100000, 235959)}`,
    ],
  },
};
