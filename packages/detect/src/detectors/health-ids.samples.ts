import { breakCheck, DIGITS, digits, int, pick, type Rng, withCheck } from '../../eval/random.ts';
import * as v from '../validators/id-checks.ts';
import type { FamilySamples, Planted } from './samples.ts';

const plant = (field: string, text: string, value: string): Planted => ({ field, text, value });
const npi = (r: Rng) =>
  withCheck(r, () => `${pick(r, ['1', '2'])}${digits(r, 8)}`, [...DIGITS], v.usNpiValid);
const dea = (r: Rng) =>
  withCheck(
    r,
    () => `${pick(r, ['A', 'B', 'F', 'M'])}${pick(r, ['J', 'S', 'W'])}${digits(r, 6)}`,
    [...DIGITS],
    v.usDeaValid,
  );
const medicare = (r: Rng) =>
  withCheck(
    r,
    () => `${int(r, 2, 6)}${digits(r, 7)}`,
    [...DIGITS].map((c) => `${c}1`),
    v.auMedicareValid,
  );
const MBI_L = 'ACDEFGHJKMNPQRTUVWXY';
const mbi = (r: Rng) => {
  const l = () => pick(r, [...MBI_L]);
  return `${int(r, 1, 9)}${l()}${l()}${int(r, 0, 9)}-${l()}${int(r, 0, 9)}${int(r, 0, 9)}-${l()}${l()}${digits(r, 2)}`;
};

export const samples: FamilySamples = {
  'us-npi': {
    truePositives: [
      (r) => {
        const x = npi(r);
        return plant('npi', `NPI: ${x}`, x);
      },
      (r) => {
        const x = npi(r);
        return plant('npi', `"npi": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `NPI: ${breakCheck(npi(r), DIGITS, v.usNpiValid)}`, (r) => `order ${npi(r)}`],
  },
  'us-dea-number': {
    truePositives: [
      (r) => {
        const x = dea(r);
        return plant('dea', `DEA number: ${x}`, x);
      },
      (r) => {
        const x = dea(r);
        return plant('dea', `prescriber DEA ${x}`, x);
      },
    ],
    nearMisses: [(r) => `DEA number: ${breakCheck(dea(r), DIGITS, v.usDeaValid)}`, (r) => `sku ${dea(r)}`],
  },
  'au-medicare': {
    truePositives: [
      (r) => {
        const x = medicare(r);
        return plant('medicare', `Medicare number: ${x}`, x);
      },
      (r) => {
        const x = medicare(r);
        const s = `${x.slice(0, 4)} ${x.slice(4, 9)} ${x.slice(9)}`;
        return plant('medicare', `Medicare card ${s}`, s);
      },
    ],
    nearMisses: [
      (r) => `Medicare: ${breakCheck(medicare(r).slice(0, 9), DIGITS, (x) => v.auMedicareValid(`${x}1`))}11`,
      (r) => `invoice ${medicare(r)}`,
    ],
  },
  'us-medicare-mbi': {
    truePositives: [
      (r) => {
        const x = mbi(r);
        return plant('mbi', `MBI: ${x}`, x);
      },
      (r) => {
        const x = mbi(r).replaceAll('-', '');
        return plant('medicare_id', `Medicare ID ${x}`, x);
      },
    ],
    nearMisses: ['MBI: 1SL0-OI0-BZ00', 'MBI: 0AA0-AA0-AA00'],
  },
};
