import type { Detector, MatchContext } from '../types.ts';
import { aadhaarValid } from '../validators/national-ids.ts';
import { contextHas, re, standsAlone } from './pattern-kit.ts';

const WORDS = ['aadhaar', 'aadhar', 'uidai', 'uid'];

/** Indian Aadhaar number (Verhoeff); the unformatted 12-digit form needs a context word. */
export const indiaAadhaar: Detector = {
  id: 'in-aadhaar',
  name: 'Indian Aadhaar number',
  category: 'national-id',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 12 },
  pattern: re('\\b[2-9][0-9]{3}(?: [0-9]{4} |-[0-9]{4}-|[0-9]{4})[0-9]{4}\\b'),
  validate: (value: string, ctx: MatchContext) => {
    if (!aadhaarValid(value) || !standsAlone(ctx)) return false;
    if (/^[0-9]{12}$/.test(value)) return contextHas(ctx, WORDS) ? { valid: true, confidence: 0.8 } : false;
    return true;
  },
  contextWords: WORDS,
  baseConfidence: 0.75,
  validator: 'Verhoeff check digit; 12 bare digits need a context word',
  example: '`NNNN NNNN NNNN`, first digit 2-9',
  mask: { keepStart: 0, keepEnd: 4 },
};

export const indiaAadhaarDetectors: readonly Detector[] = [indiaAadhaar];
