import { breakCheck, chars, DIGITS, digits, HEX, pick, type Rng, withCheck } from '../../eval/random.ts';
import { imeiValid, vinValid } from '../validators/wallets-devices.ts';
import type { FamilySamples, Planted } from './samples.ts';

const plant = (field: string, text: string, value: string): Planted => ({ field, text, value });
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const vin = (r: Rng) =>
  withCheck(
    r,
    () => `${pick(r, ['1HG', 'WVW', '5YJ', 'JTD'])}${chars(r, VIN_CHARS, 5)}`,
    [...'0123456789X'].map((c) => `${c}${chars(r, VIN_CHARS, 2)}${digits(r, 6)}`),
    vinValid,
  );
const imei = (r: Rng) => withCheck(r, () => `35${digits(r, 12)}`, [...DIGITS], imeiValid);
const mac = (r: Rng) => Array.from({ length: 6 }, () => chars(r, HEX, 2)).join(':');

export const samples: FamilySamples = {
  'mac-address': {
    truePositives: [
      (r) => {
        const x = mac(r);
        return plant('mac', `link/ether ${x} brd ff:ff:ff:ff:ff:ff`, x);
      },
      (r) => {
        const x = mac(r).toUpperCase();
        return plant('hwaddr', `HWADDR=${x}`, x);
      },
    ],
    nearMisses: ['mac 00:00:00:00:00:00', 'at 12:30:45 the job ran', 'ports 12:34:56:78:90 open'],
  },
  'vehicle-vin': {
    truePositives: [
      (r) => {
        const x = vin(r);
        return plant('vin', `VIN: ${x}`, x);
      },
      (r) => {
        const x = vin(r);
        return plant('vin', `"vin": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `VIN: ${breakCheck(vin(r).slice(0, 9), '0123456789X', (x) => vinValid(`${x}AB123456`))}AB123456`,
      'VIN: 11111111111111111',
    ],
  },
  imei: {
    truePositives: [
      (r) => {
        const x = imei(r);
        return plant('imei', `IMEI: ${x}`, x);
      },
      (r) => {
        const x = imei(r);
        return plant('imei', `"imei": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `IMEI: ${breakCheck(imei(r), DIGITS, imeiValid)}`, 'IMEI: 000000000000000'],
  },
};
