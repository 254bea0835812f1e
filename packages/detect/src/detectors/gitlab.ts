import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

const PREFIXES = ['glpat', 'gldt', 'glrt', 'glptt', 'glsoat', 'glffct', 'glcbt', 'gloas'] as const;

/** GitLab personal, deploy, runner, trigger, SCIM, feed, CI-job and OAuth tokens. */
export const gitlabToken: Detector = {
  id: 'gitlab-token',
  name: 'GitLab token',
  category: 'credentials',
  severity: 'critical',
  keywords: PREFIXES.map((p) => `${p}-`),
  pattern: re(`\\b(?:${PREFIXES.join('|')})-${rep('[A-Za-z0-9_-]', 20, 64)}`),
  validate: (value) => looksRandom(value.slice(value.indexOf('-') + 1), { minEntropy: 3 }),
  contextWords: ['gitlab', 'token', 'private-token'],
  baseConfidence: 0.9,
  validator: 'entropy',
  example:
    '`glpat-` (or `gldt-`, `glrt-`, `glptt-`, `glsoat-`, `glffct-`, `glcbt-`, `gloas-`) + 20-64 of A-Za-z0-9_-',
  mask: { keepStart: 6, keepEnd: 4 },
};

export const gitlabDetectors: readonly Detector[] = [gitlabToken];
