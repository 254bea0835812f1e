import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

const B64URL = '[A-Za-z0-9_-]';

/** OpenAI API keys: project/service-account/admin keys and legacy `sk-...T3BlbkFJ...` keys. */
export const openaiApiKey: Detector = {
  id: 'openai-api-key',
  name: 'OpenAI API key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 't3blbkfj'],
  pattern: re(
    `\\bsk-(?:(?:proj|svcacct|admin)-${rep(B64URL, 40, 200)}|${rep('[A-Za-z0-9]', 20)}T3BlbkFJ${rep('[A-Za-z0-9]', 20)})`,
  ),
  validate: (value) =>
    !value.startsWith('sk-ant-') && looksRandom(value.slice(value.indexOf('-', 3) + 1), { minEntropy: 4 }),
  contextWords: ['openai', 'api_key', 'gpt', 'chatgpt'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '`sk-proj-` (or `sk-svcacct-`, `sk-admin-`) + 40-200 base64url, or `sk-` + 20 + `T3BlbkFJ` + 20',
  mask: { keepStart: 8, keepEnd: 4 },
};

/** Anthropic API and admin keys (`sk-ant-api03-...`, `sk-ant-admin01-...`). */
export const anthropicApiKey: Detector = {
  id: 'anthropic-api-key',
  name: 'Anthropic API key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sk-ant-'],
  pattern: re(`\\bsk-ant-(?:api|admin|sid)[0-9]{2}-${rep(B64URL, 80, 120)}`),
  validate: (value) => looksRandom(value.slice(14), { minEntropy: 4 }),
  contextWords: ['anthropic', 'claude', 'api_key'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '`sk-ant-api03-` (or `admin01`, `sid01`) + 80-120 base64url',
  mask: { keepStart: 10, keepEnd: 4 },
};

export const aiProviderDetectors: readonly Detector[] = [openaiApiKey, anthropicApiKey];
