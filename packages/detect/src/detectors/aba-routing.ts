import type { Detector } from '../types.ts';
import { abaRoutingValid } from '../validators/aba-routing.ts';
import { contextHas, re, standsAlone } from './pattern-kit.ts';

const WORDS = ['routing', 'aba_', 'aba:', 'aba ', 'aba#', 'rtn', 'transit'];
const LINE_WORDS = ['routing', 'aba', 'rtn', 'transit', 'routingnumber'];

/** US ABA routing transit number (checksum and Federal Reserve prefix); needs a context word. */
export const abaRoutingNumber: Detector = {
  id: 'aba-routing-number',
  name: 'ABA routing number',
  category: 'financial',
  severity: 'medium',
  keywords: [],
  structural: { minDigits: 9 },
  pattern: re('\\b[0-3678][0-9]{8}\\b'),
  validate: (value, ctx) => abaRoutingValid(value) && standsAlone(ctx) && contextHas(ctx, LINE_WORDS),
  contextWords: WORDS,
  requireContext: true,
  baseConfidence: 0.8,
  validator: '3-7-1 checksum, Federal Reserve prefix; a context word',
  example: '9 digits beside `routing`, `ABA` or `RTN`',
  mask: { keepStart: 0, keepEnd: 4 },
};

export const abaRoutingDetectors: readonly Detector[] = [abaRoutingNumber];
