import type { Detector } from '../types.ts';
import { rep } from './pattern-kit.ts';
import { shapedToken } from './token-kit.ts';

/** Notion integration token: `ntn_` + 11 digits + 35 characters, or the older `secret_` + 43. */
export const notionToken = shapedToken({
  id: 'notion-token',
  name: 'Notion integration token',
  severity: 'high',
  keywords: ['ntn_', 'secret_'],
  token: `ntn_[0-9]{11}${rep('[A-Za-z0-9]', 35)}|secret_${rep('[A-Za-z0-9]', 43)}`,
  tail: 'A-Za-z0-9_',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['notion', 'integration'],
  baseConfidence: 0.85,
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'entropy',
  example: '`ntn_` + 11 digits + 35 base62, or `secret_` + 43 base62',
  description: 'A Notion integration token: the pages and databases shared with its integration.',
});

/** Linear personal API key (`lin_api_` + 40 alphanumerics). */
export const linearApiKey = shapedToken({
  id: 'linear-api-key',
  name: 'Linear API key',
  severity: 'high',
  keywords: ['lin_api_'],
  token: `lin_api_${rep('[A-Za-z0-9]', 40)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 8,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['linear', 'api_key'],
  mask: { keepStart: 8, keepEnd: 4 },
  validator: 'entropy',
  example: '`lin_api_` + 40 base62',
  description: 'A Linear personal API key: issues, projects and comments as its user.',
});

/** Linear OAuth access token (`lin_oauth_` + 64 hex). */
export const linearOauthToken = shapedToken({
  id: 'linear-oauth-token',
  name: 'Linear OAuth token',
  severity: 'high',
  keywords: ['lin_oauth_'],
  token: `lin_oauth_${rep('[a-f0-9]', 64)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 10,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['linear', 'oauth'],
  mask: { keepStart: 10, keepEnd: 4 },
  validator: 'entropy',
  example: '`lin_oauth_` + 64 hex',
  description: 'A Linear OAuth access token issued to an application.',
});

/**
 * Asana personal access token (`1/<16 digits>:<32 hex>` or `2/<16 digits>/<16 digits>:<32 hex>`),
 * found where `asana` is near (the prefilter keyword).
 */
export const asanaAccessToken = shapedToken({
  id: 'asana-access-token',
  name: 'Asana personal access token',
  severity: 'high',
  keywords: ['asana'],
  token: `[0-9]/[0-9]{16}(?:/[0-9]{16})?:${rep('[a-f0-9]', 32)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 0,
  quality: { minEntropy: 3, minClasses: 1 },
  check: (value) => /^[0-9a-f]{32}$/.test(value.slice(-32)) && new Set(value.slice(-32)).size > 8,
  contextWords: ['asana', 'token'],
  validator: 'entropy of the hex part',
  example:
    '`2/` + 16 digits + `/` + 16 digits + `:` + 32 hex (or `1/` + 16 digits + `:` + 32 hex), near `asana`',
  description: 'An Asana personal access token: tasks and projects as its user.',
});

/** Airtable personal access token (`pat` + 14 + `.` + 64 hex), found where `airtable` is near. */
export const airtablePersonalAccessToken = shapedToken({
  id: 'airtable-personal-access-token',
  name: 'Airtable personal access token',
  severity: 'high',
  keywords: ['airtable'],
  token: `pat${rep('[A-Za-z0-9]', 14)}\\.${rep('[a-f0-9]', 64)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 3,
  quality: { minEntropy: 3, minClasses: 2 },
  contextWords: ['airtable', 'token'],
  validator: 'entropy',
  example: '`pat` + 14 base62 + `.` + 64 hex, near `airtable`',
  description: 'An Airtable personal access token: the bases and scopes it was granted.',
});

export const workToolDetectors: readonly Detector[] = [
  notionToken,
  linearApiKey,
  linearOauthToken,
  asanaAccessToken,
  airtablePersonalAccessToken,
];
