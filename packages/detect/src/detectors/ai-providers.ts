import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';
import { assignedSecret, shapedToken } from './token-kit.ts';

const B64URL = '[A-Za-z0-9_-]';

/** OpenAI API keys: project and service-account keys and legacy `sk-...T3BlbkFJ...` keys. */
export const openaiApiKey: Detector = {
  id: 'openai-api-key',
  name: 'OpenAI API key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sk-proj-', 'sk-svcacct-', 't3blbkfj'],
  pattern: re(
    `\\bsk-(?:(?:proj|svcacct)-${rep(B64URL, 40, 200)}|${rep('[A-Za-z0-9]', 20)}T3BlbkFJ${rep('[A-Za-z0-9]', 20)})`,
  ),
  validate: (value) =>
    !value.startsWith('sk-ant-') && looksRandom(value.slice(value.indexOf('-', 3) + 1), { minEntropy: 4 }),
  contextWords: ['openai', 'api_key', 'gpt', 'chatgpt'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '`sk-proj-` (or `sk-svcacct-`) + 40-200 base64url, or `sk-` + 20 + `T3BlbkFJ` + 20',
  mask: { keepStart: 8, keepEnd: 4 },
};

/** OpenAI admin key (`sk-admin-`): manages the organization's users, projects and keys. */
export const openaiAdminKey: Detector = {
  id: 'openai-admin-key',
  name: 'OpenAI admin key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sk-admin-'],
  pattern: re(`\\bsk-admin-${rep(B64URL, 40, 200)}`),
  validate: (value) => looksRandom(value.slice(9), { minEntropy: 4 }),
  contextWords: ['openai', 'admin', 'api_key'],
  baseConfidence: 0.95,
  mask: { keepStart: 9, keepEnd: 4 },
  validator: 'entropy',
  example: '`sk-admin-` + 40-200 of A-Za-z0-9_-',
  description: 'An OpenAI organization admin key: users, projects, keys and usage of the organization.',
};

/** Anthropic API keys (`sk-ant-api03-...`) and session keys (`sk-ant-sid01-...`). */
export const anthropicApiKey: Detector = {
  id: 'anthropic-api-key',
  name: 'Anthropic API key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sk-ant-api', 'sk-ant-sid'],
  pattern: re(`\\bsk-ant-(?:api|sid)[0-9]{2}-${rep(B64URL, 80, 120)}`),
  validate: (value) => looksRandom(value.slice(14), { minEntropy: 4 }),
  contextWords: ['anthropic', 'claude', 'api_key'],
  baseConfidence: 0.95,
  validator: 'entropy',
  example: '`sk-ant-api03-` (or `sid01`) + 80-120 base64url',
  mask: { keepStart: 10, keepEnd: 4 },
};

/** Anthropic admin key (`sk-ant-admin01-...`): manages the organization's members, workspaces and keys. */
export const anthropicAdminKey: Detector = {
  id: 'anthropic-admin-key',
  name: 'Anthropic admin key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['sk-ant-admin'],
  pattern: re(`\\bsk-ant-admin[0-9]{2}-${rep(B64URL, 80, 120)}`),
  validate: (value) => looksRandom(value.slice(16), { minEntropy: 4 }),
  contextWords: ['anthropic', 'admin', 'api_key'],
  baseConfidence: 0.95,
  mask: { keepStart: 15, keepEnd: 4 },
  validator: 'entropy',
  example: '`sk-ant-admin01-` + 80-120 of A-Za-z0-9_-',
  description: 'An Anthropic Admin API key: members, workspaces and API keys of the organization.',
};

/** Hugging Face user access token (`hf_` + 34 letters). */
export const huggingfaceToken = shapedToken({
  id: 'huggingface-token',
  name: 'Hugging Face access token',
  severity: 'high',
  keywords: ['hf_'],
  token: `hf_${rep('[A-Za-z]', 34)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 3,
  quality: { minEntropy: 3.8, minClasses: 2 },
  contextWords: ['huggingface', 'hugging_face', 'hf_token', 'hub'],
  validator: 'entropy',
  example: '`hf_` + 34 letters',
  description: 'A Hugging Face access token: models, datasets and Spaces of its user.',
});

/** Hugging Face organization API token (`api_org_` + 34 letters). */
export const huggingfaceOrgToken = shapedToken({
  id: 'huggingface-org-token',
  name: 'Hugging Face organization token',
  severity: 'high',
  keywords: ['api_org_'],
  token: `api_org_${rep('[A-Za-z]', 34)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 8,
  quality: { minEntropy: 3.8, minClasses: 2 },
  contextWords: ['huggingface', 'hugging_face', 'organization'],
  mask: { keepStart: 8, keepEnd: 4 },
  validator: 'entropy',
  example: '`api_org_` + 34 letters',
  description: 'A legacy Hugging Face organization API token.',
});

/** Groq API key (`gsk_` + 52 alphanumerics). */
export const groqApiKey = shapedToken({
  id: 'groq-api-key',
  name: 'Groq API key',
  severity: 'high',
  keywords: ['gsk_'],
  token: `gsk_${rep('[A-Za-z0-9]', 52)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['groq', 'api_key'],
  validator: 'entropy',
  example: '`gsk_` + 52 base62',
  description: 'A Groq API key: inference billed to its organization.',
});

/** Replicate API token (`r8_` + 37 alphanumerics). */
export const replicateApiToken = shapedToken({
  id: 'replicate-api-token',
  name: 'Replicate API token',
  severity: 'high',
  keywords: ['r8_'],
  token: `r8_${rep('[A-Za-z0-9]', 37)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 3,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['replicate', 'replicate_api_token'],
  validator: 'entropy',
  example: '`r8_` + 37 base62',
  description: 'A Replicate API token: runs and trains models billed to its account.',
});

/** Perplexity API key (`pplx-` + 48 alphanumerics). */
export const perplexityApiKey = shapedToken({
  id: 'perplexity-api-key',
  name: 'Perplexity API key',
  severity: 'high',
  keywords: ['pplx-'],
  token: `pplx-${rep('[A-Za-z0-9]', 48)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 5,
  quality: { minEntropy: 4, minClasses: 2 },
  contextWords: ['perplexity', 'api_key'],
  validator: 'entropy',
  example: '`pplx-` + 48 base62',
  description: 'A Perplexity API key: requests billed to its account.',
});

/** xAI (Grok) API key (`xai-` + 80 alphanumerics). */
export const xaiApiKey = shapedToken({
  id: 'xai-api-key',
  name: 'xAI API key',
  severity: 'high',
  keywords: ['xai-'],
  token: `xai-${rep('[A-Za-z0-9]', 80)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['xai', 'grok', 'api_key'],
  validator: 'entropy',
  example: '`xai-` + 80 base62',
  description: 'An xAI API key: Grok requests billed to its team.',
});

/** OpenRouter API key (`sk-or-v1-` + 64 hex). */
export const openrouterApiKey = shapedToken({
  id: 'openrouter-api-key',
  name: 'OpenRouter API key',
  severity: 'high',
  keywords: ['sk-or-v1-'],
  token: `sk-or-v1-${rep('[a-f0-9]', 64)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 9,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['openrouter', 'api_key'],
  mask: { keepStart: 9, keepEnd: 4 },
  validator: 'entropy',
  example: '`sk-or-v1-` + 64 hex',
  description: 'An OpenRouter API key: model requests billed to its credits.',
});

/** LangSmith personal access token or service key (`lsv2_pt_`/`lsv2_sk_` + 32 hex + `_` + 10 hex). */
export const langsmithApiKey = shapedToken({
  id: 'langsmith-api-key',
  name: 'LangSmith API key',
  severity: 'high',
  keywords: ['lsv2_pt_', 'lsv2_sk_'],
  token: `lsv2_(?:pt|sk)_${rep('[a-f0-9]', 32)}_${rep('[a-f0-9]', 10)}`,
  tail: 'A-Za-z0-9_',
  randomFrom: 8,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['langsmith', 'langchain', 'api_key'],
  mask: { keepStart: 8, keepEnd: 4 },
  validator: 'entropy',
  example: '`lsv2_pt_` (or `lsv2_sk_`) + 32 hex + `_` + 10 hex',
  description: 'A LangSmith API key: traces, datasets and prompts of its workspace.',
});

/** Cohere API key: 40 alphanumerics assigned to a Cohere name (`COHERE_API_KEY`, `CO_API_KEY`). */
export const cohereApiKey = assignedSecret({
  id: 'cohere-api-key',
  name: 'Cohere API key',
  severity: 'high',
  keywords: ['cohere', 'co_api_key'],
  names: ['cohere', 'co_api_key'],
  value: '[A-Za-z0-9]{40}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['cohere', 'api_key'],
  validator: 'entropy',
  example: '40 base62 assigned to a Cohere name (`COHERE_API_KEY`, `CO_API_KEY`)',
  description: 'A Cohere API key: requests billed to its account.',
});

/** Mistral AI API key: 32 alphanumerics assigned to a Mistral name (`MISTRAL_API_KEY`). */
export const mistralApiKey = assignedSecret({
  id: 'mistral-api-key',
  name: 'Mistral AI API key',
  severity: 'high',
  keywords: ['mistral'],
  names: ['mistral'],
  value: '[A-Za-z0-9]{32}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['mistral', 'api_key'],
  validator: 'entropy',
  example: '32 base62 assigned to a Mistral name (`MISTRAL_API_KEY`)',
  description: 'A Mistral AI API key: requests billed to its workspace.',
});

export const aiProviderDetectors: readonly Detector[] = [
  openaiApiKey,
  openaiAdminKey,
  anthropicApiKey,
  anthropicAdminKey,
  huggingfaceToken,
  huggingfaceOrgToken,
  groqApiKey,
  replicateApiToken,
  perplexityApiKey,
  xaiApiKey,
  openrouterApiKey,
  langsmithApiKey,
  cohereApiKey,
  mistralApiKey,
];
