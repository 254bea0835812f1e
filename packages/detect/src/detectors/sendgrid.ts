import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

/** SendGrid API key (`SG.` + 22 + `.` + 43, and no more: a longer run is not a key). */
export const sendgridApiKey: Detector = {
  id: 'sendgrid-api-key',
  name: 'SendGrid API key',
  category: 'credentials',
  severity: 'high',
  keywords: ['sg.'],
  pattern: re(`\\b(SG\\.${rep('[A-Za-z0-9_-]', 22)}\\.${rep('[A-Za-z0-9_-]', 43)})(?:[^A-Za-z0-9_-]|$)`),
  valueGroup: 1,
  validate: (value) => looksRandom(value.slice(3), { minEntropy: 4, minClasses: 3 }),
  contextWords: ['sendgrid', 'mail', 'api_key'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '`SG.` + 22 base64url + `.` + 43 base64url',
  mask: { keepStart: 3, keepEnd: 4 },
};

export const sendgridDetectors: readonly Detector[] = [sendgridApiKey];
