import { ALNUM, chars, digits, HEX, plant } from '../../eval/random.ts';
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
};
