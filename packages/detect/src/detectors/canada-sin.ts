import type { Detector, MatchContext } from '../types.ts';
import { sinValid } from '../validators/canada-sin.ts';
import { contextHas, re, standsAlone } from './pattern-kit.ts';

const WORDS = ['sin', 'social insurance', 'nas', 'assurance sociale', 'social_insurance'];

/** Words that make a nine-digit group a phone number (Spanish and Polish numbers are 3-3-3). */
const PHONE_WORDS = [
  'tel',
  'tél',
  'phone',
  'telephone',
  'telefono',
  'teléfono',
  'telefon',
  'mobile',
  'mobil',
  'movil',
  'móvil',
  'cell',
  'fax',
  'call',
  'whatsapp',
  'contact',
];

/**
 * Canadian Social Insurance Number (Luhn); the dashed form stands alone, the spaced and the
 * unformatted 9-digit forms need a context word.
 */
export const canadaSin: Detector = {
  id: 'canada-sin',
  name: 'Canadian Social Insurance Number',
  category: 'national-id',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 9 },
  pattern: re('\\b[1-79][0-9]{2}(?: [0-9]{3} |-[0-9]{3}-|[0-9]{3})[0-9]{3}\\b'),
  validate: (value: string, ctx: MatchContext) => {
    if (!sinValid(value) || !standsAlone(ctx)) return false;
    if (!contextHas(ctx, WORDS) && (contextHas(ctx, PHONE_WORDS) || /\+[0-9 ]{0,4}$|\($/.test(ctx.before)))
      return false;
    // Groups split by spaces are how every table of numbers is written (`255 250 250` of a
    // colour table, a matrix row): like bare digits, they need `SIN` or its field name.
    if (!value.includes('-')) return contextHas(ctx, WORDS) ? { valid: true, confidence: 0.8 } : false;
    return true;
  },
  contextWords: WORDS,
  baseConfidence: 0.7,
  validator: 'Luhn; spaced or bare digits need a context word',
  example: '`NNN-NNN-NNN`, or `NNN NNN NNN` or 9 digits beside `SIN`',
  mask: { keepStart: 0, keepEnd: 3 },
};

export const canadaSinDetectors: readonly Detector[] = [canadaSin];
