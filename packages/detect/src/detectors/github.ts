import type { Detector } from '../types.ts';
import { checksummedToken } from '../validators/github-checksum.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

/** GitHub classic tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) with their CRC32 checksum. */
export const githubToken: Detector = {
  id: 'github-token',
  name: 'GitHub token',
  category: 'credentials',
  severity: 'critical',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  pattern: re(`\\bgh[pousr]_${rep('[A-Za-z0-9]', 36)}\\b`),
  validate: checksummedToken,
  contextWords: ['github', 'token', 'gh_token', 'github_token'],
  baseConfidence: 0.95,
  validator: 'entropy; CRC32 checksum (a failing one lowers the confidence to 0.55)',
  example: '`ghp_` (or `gho_`, `ghu_`, `ghs_`, `ghr_`) + 30 base62 + 6-character CRC32',
  mask: { keepStart: 4, keepEnd: 4 },
};

/** GitHub fine-grained personal access token (`github_pat_` + 22 + `_` + 59). */
export const githubFineGrainedPat: Detector = {
  id: 'github-fine-grained-pat',
  name: 'GitHub fine-grained personal access token',
  category: 'credentials',
  severity: 'critical',
  keywords: ['github_pat_'],
  pattern: re(`\\bgithub_pat_${rep('[A-Za-z0-9]', 22)}_${rep('[A-Za-z0-9]', 59)}\\b`),
  validate: (value) => looksRandom(value.slice(11), { minEntropy: 4, minClasses: 3 }),
  contextWords: ['github', 'token'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '`github_pat_` + 22 base62 + `_` + 59 base62',
  mask: { keepStart: 11, keepEnd: 4 },
};

export const githubDetectors: readonly Detector[] = [githubToken, githubFineGrainedPat];
