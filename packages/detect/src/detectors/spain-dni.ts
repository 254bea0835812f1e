import type { Detector } from '../types.ts';
import { dniValid } from '../validators/national-ids.ts';
import { re, standsAlone } from './pattern-kit.ts';

/** Spanish DNI (8 digits + control letter) and NIE (X/Y/Z + 7 digits + letter). */
export const spainDni: Detector = {
  id: 'es-dni',
  name: 'Spanish DNI/NIE',
  category: 'national-id',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 7 },
  pattern: re('\\b(?:[0-9]{8}|[XYZ][0-9]{7})-?[A-HJ-NP-TV-Z]\\b'),
  validate: (value, ctx) => dniValid(value) && standsAlone(ctx),
  contextWords: ['dni', 'nie', 'nif', 'documento', 'identidad'],
  baseConfidence: 0.75,
  validator: 'control letter (mod 23)',
  example: '8 digits + control letter (DNI), or `X`/`Y`/`Z` + 7 digits + control letter (NIE)',
  mask: { keepStart: 0, keepEnd: 2 },
};

export const spainDniDetectors: readonly Detector[] = [spainDni];
