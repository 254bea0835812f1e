import type { Detector } from '../types.ts';
import { tokenChecksumValid } from '../validators/github-checksum.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

/** npm access token (`npm_` + 36 base62, CRC32 checksum in the last 6 like GitHub's). */
export const npmToken: Detector = {
  id: 'npm-token',
  name: 'npm access token',
  category: 'credentials',
  severity: 'critical',
  keywords: ['npm_'],
  pattern: re(`\\bnpm_${rep('[A-Za-z0-9]', 36)}\\b`),
  validate: (value) => tokenChecksumValid(value) && looksRandom(value.slice(4)),
  contextWords: ['npm', '_authtoken', 'registry', 'npmrc'],
  baseConfidence: 0.95,
  validator: 'CRC32 checksum, entropy',
  example: '`npm_` + 30 base62 + 6-character CRC32',
  mask: { keepStart: 4, keepEnd: 4 },
};

export const npmDetectors: readonly Detector[] = [npmToken];
