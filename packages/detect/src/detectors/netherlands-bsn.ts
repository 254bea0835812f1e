import type { Detector } from '../types.ts';
import { bsnValid } from '../validators/national-ids.ts';
import { contextHas, re, standsAlone } from './pattern-kit.ts';

const WORDS = ['bsn', 'burgerservicenummer', 'sofinummer', 'sofi'];

/** Dutch citizen service number (BSN, 11-proof), reported next to a BSN context word. */
export const netherlandsBsn: Detector = {
  id: 'nl-bsn',
  name: 'Dutch citizen service number (BSN)',
  category: 'national-id',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 8 },
  pattern: re('\\b[0-9]{4}(?:\\.[0-9]{2}\\.|[0-9]{2})[0-9]{3}\\b'),
  validate: (value, ctx) => bsnValid(value) && standsAlone(ctx) && contextHas(ctx, WORDS),
  contextWords: WORDS,
  requireContext: true,
  baseConfidence: 0.85,
  validator: 'eleven-test (11-proef); a BSN word',
  example: '9 digits or `NNNN.NN.NNN` beside `BSN`',
  mask: { keepStart: 0, keepEnd: 3 },
};

export const netherlandsBsnDetectors: readonly Detector[] = [netherlandsBsn];
