import type { Detector, MatchContext } from '../types.ts';
import { itinValid, ssnValid } from '../validators/us-ssn.ts';
import { advertisingNumber } from './documented-examples.ts';
import { fillerValue } from './id-kit.ts';
import { contextHas, re, standsAlone } from './pattern-kit.ts';

const SSN_WORDS = ['ssn', 'social security', 'social_security', 'ss#', 'ss no', 'taxpayer'];
const ITIN_WORDS = ['itin', 'taxpayer', 'tax id', 'tin'];

/** Formatted values stand alone; a bare 9-digit run needs a context word. */
function withContext(ok: boolean, value: string, ctx: MatchContext, words: readonly string[]) {
  if (!ok || !standsAlone(ctx)) return false;
  if (/^[0-9]{9}$/.test(value)) return contextHas(ctx, words) ? { valid: true, confidence: 0.8 } : false;
  return true;
}

/** An X12 NM1 segment's id code qualifier `34` (Social Security Number) right before the value. */
const X12_SSN = /(?:^|[^a-z0-9])nm1\*[^~\n]*\*34\*$/;

/** US Social Security Number (invalid area, group and serial values are rejected). */
export const usSsn: Detector = {
  id: 'us-ssn',
  name: 'US Social Security Number',
  category: 'national-id',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 9 },
  pattern: re('\\b[0-8][0-9]{2}(?:-[0-9]{2}-| [0-9]{2} |[0-9]{2})[0-9]{4}\\b'),
  validate: (value, ctx) =>
    X12_SSN.test(ctx.before) ? ssnValid(value) : withContext(ssnValid(value), value, ctx, SSN_WORDS),
  contextWords: SSN_WORDS,
  baseConfidence: 0.7,
  validator: 'area, group and serial rules; 9 bare digits need a context word or X12 qualifier 34',
  example: '`AAA-GG-SSSS` (dashes, spaces, or 9 digits beside `SSN`)',
  mask: { keepStart: 0, keepEnd: 4 },
};

/** US Individual Taxpayer Identification Number (9xx-[5-9]x-xxxx). */
export const usItin: Detector = {
  id: 'us-itin',
  name: 'US ITIN',
  category: 'national-id',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 9 },
  pattern: re('\\b9[0-9]{2}(?:-[5-9][0-9]-| [5-9][0-9] |[5-9][0-9])[0-9]{4}\\b'),
  // `999-99-9999` is a form's input mask, not a number; 987-65-4320..4329 are advertising numbers.
  validate: (value, ctx) =>
    withContext(itinValid(value) && !fillerValue(value) && !advertisingNumber(value), value, ctx, ITIN_WORDS),
  contextWords: ITIN_WORDS,
  baseConfidence: 0.7,
  validator: 'group 50-65, 70-88, 90-92 or 94-99, serial not 0000, not one digit repeated, not 987-65-432x',
  example: '`9AA-GG-SSSS` (dashes, spaces, or 9 digits beside `ITIN`)',
  mask: { keepStart: 0, keepEnd: 4 },
};

export const usIdDetectors: readonly Detector[] = [usSsn, usItin];
