import type { Detector } from '../types.ts';
import { fillerValue, labelledId } from './id-kit.ts';
import { ci } from './pattern-kit.ts';

function documentNumber(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '').length;
  return digits >= 2 && !fillerValue(value) && !/^(?:19|20)[0-9]{2}$/.test(value);
}

/**
 * A JSON travel document whose type is a passport, then (no object or array opened or closed
 * between) its number: `{"documentType": "PASSPORT", "issuanceDate": "…", "number": "X1234567"}`
 * as Amadeus and NDC flight orders write it; plain, JSON-escaped or CSV-doubled quotes.
 */
const Q = '(?:""|\\\\?")';
const MEMBER_GAP = ',?(?:\\r?\\n|\\\\n)?[ \\t]*';
const PASSPORT_DOCUMENT = `${Q}${ci('passport')}${Q}(?:${MEMBER_GAP}${Q}[A-Za-z]+${Q} ?: ?(?:${Q}[^"\\\\\\n]*${Q}|[a-z0-9.]+)){0,8}${MEMBER_GAP}${Q}(?:number|documentNumber)${Q} ?: ?${Q}`;

/** A passport number after its label, or the number of a JSON travel document of type `PASSPORT`. */
export const passportNumber = labelledId({
  id: 'passport-number',
  validator: 'label, not filler',
  name: 'Passport number',
  category: 'national-id',
  severity: 'high',
  labels: [
    'passport',
    'passeport',
    'reisepass',
    'pasaporte',
    'passaporto',
    'paspoort',
    'passport_no',
    'passportnumber',
  ],
  value: '[A-Z0-9]{6,9}',
  orAfter: PASSPORT_DOCUMENT,
  check: documentNumber,
  words: ['passport', 'passeport', 'reisepass', 'pasaporte', 'passaporto', 'paspoort'],
  baseConfidence: 0.8,
  description: 'A passport number (6-9 letters and digits) written after a passport label, any country.',
  example: 'a letter or digit, then 5-8 more',
});

export const driversLicence = labelledId({
  id: 'drivers-license-number',
  validator: 'label, not filler',
  name: "Driver's licence number",
  category: 'national-id',
  severity: 'high',
  labels: [
    "driver's license",
    'drivers license',
    'driver license',
    "driver's licence",
    'driving licence',
    'driving license',
    'drivers_license',
    'driver_license',
    'driverlicense',
    'dl number',
    'dl no',
    'dl#',
    'licence number',
    'license number',
    'führerschein',
    'permis de conduire',
  ],
  value: '[A-Z0-9][A-Z0-9-]{3,16}[A-Z0-9]',
  check: documentNumber,
  words: ['license', 'licence', 'dl', 'führerschein'],
  baseConfidence: 0.75,
  description: "A driver's licence number (5-18 letters, digits and dashes) after its label, any country.",
  example: 'letters and digits after "driver\'s license"',
});

export const travelDocumentDetectors: readonly Detector[] = [passportNumber, driversLicence];
