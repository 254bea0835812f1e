import { ALNUM, BASE64URL, chars, digits, HEX, plant } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'google-api-key': {
    truePositives: [
      (r) => plant('google_api_key', (v) => `maps key ${v}`, `AIza${chars(r, `${ALNUM}-_`, 35)}`),
    ],
    nearMisses: [
      (r) => `maps key AIza${chars(r, `${ALNUM}-_`, 34)}`,
      (r) => `maps key AIza${chars(r, `${ALNUM}-_`, 36)}`,
      `maps key AIza${'X'.repeat(35)}`,
      'GOOGLE_API_KEY=AIzaSy-your-api-key-goes-here-0123456',
    ],
  },
  'gcp-service-account': {
    truePositives: [
      (r) =>
        plant(
          'credentials',
          (v) =>
            `{"type": "service_account", "project_id": "demo-${digits(r, 4)}", "private_key_id": "${v}"}`,
          chars(r, HEX, 40),
        ),
    ],
    nearMisses: [
      (r) => `{"type": "service_account", "private_key_id": "${chars(r, HEX, 39)}"}`,
      (r) => `{"type": "service_account", "private_key_id": "${chars(r, HEX, 41)}"}`,
      `{"type": "service_account", "private_key_id": "${'0'.repeat(40)}"}`,
      '{"type": "service_account", "private_key_id": "your-private-key-id"}',
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
