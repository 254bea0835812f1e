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

export const samples: FamilySamples = {
  'date-of-birth': {
    truePositives: [
      (r) =>
        plant(
          'dob',
          (v) => pick(r, [`Date of birth: ${v}`, `DOB ${v}`, `born on ${v} in Leeds`, `"birthdate": "${v}"`]),
          dateOfBirth(r),
        ),
    ],
    nearMisses: [
      (r) => `created: ${dateOfBirth(r)}`,
      (r) => `date of birth: (not given)\ncreated: ${dateOfBirth(r)}`,
    ],
  },
};
