import type { Detector } from '../types.ts';
import { nhsNumberValid } from '../validators/uk-nhs.ts';
import { contextHas, re, standsAlone } from './pattern-kit.ts';

const WORDS = ['nhs', 'patient', 'health', 'nhs no', 'nhsnumber'];

/** UK NHS number (10 digits, mod 11), reported next to an NHS/patient context word. */
export const ukNhsNumber: Detector = {
  id: 'uk-nhs-number',
  name: 'UK NHS number',
  category: 'health',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 10 },
  pattern: re('\\b[0-9]{3}(?: [0-9]{3} |-[0-9]{3}-|[0-9]{3})[0-9]{4}\\b'),
  validate: (value, ctx) => nhsNumberValid(value) && standsAlone(ctx) && contextHas(ctx, WORDS),
  contextWords: ['nhs', 'patient', 'health', 'nhs_number', 'nhs no'],
  requireContext: true,
  baseConfidence: 0.85,
  validator: 'mod 11 check digit; an NHS or patient word',
  example: '`NNN NNN NNNN` (spaces, dashes or 10 digits) beside `NHS`',
  mask: { keepStart: 0, keepEnd: 3 },
};

export const ukNhsDetectors: readonly Detector[] = [ukNhsNumber];
