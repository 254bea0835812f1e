import { crc32 } from 'node:zlib';
import type { Detector } from '../types.ts';
import { rep } from './pattern-kit.ts';
import { assignedSecret, shapedToken } from './token-kit.ts';

/** True when the last 8 characters are the upper-case hex CRC32 of the rest (Atlassian's tokens). */
export function atlassianChecksumValid(token: string): boolean {
  const sum = (crc32(token.slice(0, -8)) >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return sum === token.slice(-8);
}

/** Atlassian API token (`ATATT3` + 186 characters, CRC32 suffix), as Jira and Confluence take it. */
export const atlassianApiToken = shapedToken({
  id: 'atlassian-api-token',
  name: 'Atlassian API token',
  severity: 'high',
  keywords: ['atatt3'],
  token: `ATATT3${rep('[A-Za-z0-9_=-]', 186)}`,
  tail: 'A-Za-z0-9_=-',
  randomFrom: 12,
  quality: { minEntropy: 4, minClasses: 3 },
  check: atlassianChecksumValid,
  contextWords: ['atlassian', 'jira', 'confluence', 'token'],
  baseConfidence: 0.95,
  mask: { keepStart: 6, keepEnd: 4 },
  validator: 'CRC32 checksum (last 8 hex), entropy',
  example: '`ATATT3` + 186 of A-Za-z0-9_=- ending in 8 hex of CRC32',
  description: 'An Atlassian account API token: Jira, Confluence and Bitbucket as its user.',
});

/** Atlassian API token in the legacy format: 24 characters assigned to a Jira/Confluence/Atlassian name. */
export const atlassianLegacyApiToken = assignedSecret({
  id: 'atlassian-legacy-api-token',
  name: 'Atlassian API token (legacy)',
  severity: 'high',
  keywords: ['atlassian', 'jira', 'confluence'],
  names: ['atlassian', 'jira', 'confluence'],
  value: '[A-Za-z0-9]{24}',
  // Not the first 24 characters of a current token (`ATATT3…-…_…=`).
  tail: 'A-Za-z0-9_=-',
  quality: { minEntropy: 3.5, minClasses: 3 },
  contextWords: ['atlassian', 'jira', 'confluence', 'token'],
  validator: 'entropy',
  example: '24 base62 assigned to a Jira/Confluence/Atlassian name',
  description: 'A legacy (pre-2023) Atlassian account API token.',
});

/** Bitbucket repository, project or workspace access token (`ATCTT3` + 186 characters, CRC32 suffix). */
export const bitbucketAccessToken = shapedToken({
  id: 'bitbucket-access-token',
  name: 'Bitbucket access token',
  severity: 'high',
  keywords: ['atctt3'],
  token: `ATCTT3${rep('[A-Za-z0-9_=-]', 186)}`,
  tail: 'A-Za-z0-9_=-',
  randomFrom: 12,
  quality: { minEntropy: 4, minClasses: 3 },
  check: atlassianChecksumValid,
  contextWords: ['bitbucket', 'token', 'x-token-auth'],
  baseConfidence: 0.95,
  mask: { keepStart: 6, keepEnd: 4 },
  validator: 'CRC32 checksum (last 8 hex), entropy',
  example: '`ATCTT3` + 186 of A-Za-z0-9_=- ending in 8 hex of CRC32',
  description: 'A Bitbucket Cloud access token of a repository, project or workspace.',
});

/** Bitbucket app password (`ATBB` + 32 characters). */
export const bitbucketAppPassword = shapedToken({
  id: 'bitbucket-app-password',
  name: 'Bitbucket app password',
  severity: 'high',
  keywords: ['atbb'],
  token: `ATBB${rep('[A-Za-z0-9]', 32)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 4,
  quality: { minEntropy: 3.8, minClasses: 3 },
  contextWords: ['bitbucket', 'app_password', 'password'],
  validator: 'entropy',
  example: '`ATBB` + 32 base62',
  description: 'A Bitbucket Cloud app password: repository access as its user.',
});

export const atlassianDetectors: readonly Detector[] = [
  atlassianApiToken,
  atlassianLegacyApiToken,
  bitbucketAccessToken,
  bitbucketAppPassword,
];
