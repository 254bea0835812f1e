import { ALNUM, BASE64URL, HEX } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'google-api-key': {
    truePositives: carried((r) => `AIza${secretChars(r, `${ALNUM}-_`, 35)}`, 'google_api_key', [
      (v) => `maps key ${v}`,
      (v) => `GOOGLE_API_KEY=${v}`,
    ]),
    nearMisses: ['key: AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', (r) => `AIza${secretChars(r, ALNUM, 20)}`],
  },
  'gcp-service-account': {
    truePositives: carried((r) => secretChars(r, HEX, 40), 'credentials', [
      (v) => `{"type": "service_account", "project_id": "demo-1234", "private_key_id": "${v}"}`,
      (v) => `{\n  "private_key_id": "${v}",\n  "client_id": "104729385012345678901"\n}`,
    ]),
    nearMisses: [
      '{"private_key_id": "0000000000000000000000000000000000000000"}',
      '{"private_key_id": "<key id>"}',
    ],
  },
  'gcp-oauth-client-secret': {
    truePositives: carried((r) => `GOCSPX-${secretChars(r, `${ALNUM}_-`, 28)}`, 'client_secret', [
      (v) => `{"web": {"client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "${v}"}}`,
      (v) => `GOOGLE_CLIENT_SECRET=${v}`,
    ]),
    nearMisses: [
      'GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `GOCSPX-${secretChars(r, ALNUM, 12)}`,
    ],
  },
  'google-oauth-refresh-token': {
    truePositives: carried((r) => `1//0${secretChars(r, BASE64URL, 99)}`, 'refresh_token', [
      (v) =>
        `{"client_id": "1234.apps.googleusercontent.com", "refresh_token": "${v}", "type": "authorized_user"}`,
      (v) => `GOOGLE_REFRESH_TOKEN=${v}`,
    ]),
    nearMisses: [
      'see https://example.org/1//0 for details',
      'refresh_token: 1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};
