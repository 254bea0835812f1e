import { crc32 } from 'node:zlib';
import { ALNUM } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

/** An `ATATT3`/`ATCTT3`-style token: prefix, random body, `=`, upper-case hex CRC32. */
function checksummed(prefix: string, r: Rng): string {
  const head = `${prefix}${secretChars(r, `${ALNUM}_-`, 177 - prefix.length + 6)}=`;
  return head + (crc32(head) >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** The same token with its checksum's last digit changed. */
function badSum(prefix: string, r: Rng): string {
  const t = checksummed(prefix, r);
  return t.slice(0, -1) + (t.endsWith('0') ? '1' : '0');
}

export const samples: FamilySamples = {
  'atlassian-api-token': {
    truePositives: carried((r) => checksummed('ATATT3xFfGF0', r), 'jira_api_token', [
      (v) => `export JIRA_API_TOKEN=${v}`,
      (v) => `confluence:\n  url: https://example.atlassian.net/wiki\n  token: "${v}"`,
    ]),
    nearMisses: [
      (r) => `${badSum('ATATT3xFfGF0', r)} fails its checksum`,
      'token: ATATT3xFfGF0<your-api-token>',
    ],
  },
  'atlassian-legacy-api-token': {
    truePositives: carried((r) => secretChars(r, ALNUM, 24), 'jira_api_token', [
      (v) => `JIRA_API_TOKEN=${v}`,
      (v) => `confluence_token: "${v}"`,
    ]),
    nearMisses: [
      'JIRA_URL=https://example.atlassian.net/browse',
      'jira_project_key: PLATFORMINFRASTRUCTURE01',
      'getPagesInConfluenceSpace,searchConfluenceUsingCql',
    ],
  },
  'bitbucket-access-token': {
    truePositives: carried((r) => checksummed('ATCTT3xFfGN0', r), 'bitbucket_token', [
      (v) => `bitbucket:\n  access_token: ${v}`,
      (v) => `BITBUCKET_TOKEN="${v}"`,
      (v) => `curl -H "Authorization: Bearer ${v}" https://api.bitbucket.org/2.0/repositories`,
    ]),
    nearMisses: [
      (r) => `${badSum('ATCTT3xFfGN0', r)} fails its checksum`,
      (r) => `ATCTT3xFfGN0${secretChars(r, ALNUM, 40)} has no checksum`,
    ],
  },
  'bitbucket-app-password': {
    truePositives: carried((r) => `ATBB${secretChars(r, ALNUM, 32)}`, 'bitbucket_app_password', [
      (v) => `export BITBUCKET_APP_PASSWORD=${v}`,
      (v) => `bitbucket:\n  app_password: ${v}`,
    ]),
    nearMisses: [
      'LATBbits.LATB5 = 1;',
      'ATBBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      (r) => `ATBB${secretChars(r, ALNUM, 20)}`,
    ],
  },
};
