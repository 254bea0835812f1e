import type { Detector } from '../types.ts';
import { imeiValid, macAddressValid, vinValid } from '../validators/wallets-devices.ts';
import { labelledId } from './id-kit.ts';
import { re, rep } from './pattern-kit.ts';

/** MAC address written with colons, found around the colon groups the engine already watches. */
export const macAddress: Detector = {
  id: 'mac-address',
  name: 'MAC address',
  category: 'network',
  severity: 'info',
  keywords: [],
  structural: { minDigits: 0, shape: 'colons' },
  pattern: re('\\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}\\b'),
  validate: (value, ctx) => macAddressValid(value) && !/:$/.test(ctx.before) && !/^:/.test(ctx.after),
  contextWords: ['mac', 'hwaddr', 'ether', 'bssid', 'device'],
  baseConfidence: 0.7,
  mask: { keepStart: 8, keepEnd: 0 },
  validator: 'not all zeros, broadcast or one repeated byte',
  description: 'A hardware (MAC) address in colon notation.',
  example: 'six hex pairs joined by colons',
};

export const vin = labelledId({
  id: 'vehicle-vin',
  validator: 'position-9 check digit, label',
  name: 'Vehicle identification number (VIN)',
  category: 'personal',
  severity: 'low',
  labels: ['vin', 'vehicle identification', 'chassis'],
  value: rep('[A-HJ-NPR-Z0-9]', 17),
  check: vinValid,
  words: ['vin', 'vehicle', 'chassis'],
  baseConfidence: 0.85,
  keepEnd: 4,
  description: 'A 17-character VIN with its check digit, after a VIN label.',
  example: '17 letters (no I, O, Q) and digits',
});

/** An IMEI after its label, or in a CSV/SQL column whose name holds `IMEI` (`Device IMEI (custom)`). */
export const imei: Detector = {
  ...labelledId({
    id: 'imei',
    validator: 'Luhn, label',
    name: 'IMEI',
    category: 'personal',
    severity: 'low',
    labels: ['imei'],
    value: '[0-9]{2}[ -]?[0-9]{6}[ -]?[0-9]{6}[ -]?[0-9]',
    check: imeiValid,
    words: ['imei'],
    baseConfidence: 0.85,
    keepEnd: 3,
    description: 'A 15-digit IMEI with its Luhn digit, after its label or under an IMEI column.',
    example: '15 digits',
  }),
  fieldKeyed: true,
};

export const deviceIdDetectors: readonly Detector[] = [macAddress, vin, imei];
