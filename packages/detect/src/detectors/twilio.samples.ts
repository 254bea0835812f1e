import { chars, HEX, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'twilio-api-key': {
    truePositives: [(r) => plant('twilio_api_key', (v) => `twilio api key: ${v}`, `SK${chars(r, HEX, 32)}`)],
    nearMisses: [
      (r) => `twilio account sid: AC${chars(r, HEX, 32)}`,
      (r) => `twilio api key: SK${chars(r, HEX, 31)}`,
      `twilio api key: SK${'X'.repeat(32)}`,
      `twilio api key: SK${'0'.repeat(32)}`,
    ],
  },
  'twilio-auth-token': {
    truePositives: [(r) => plant('twilio_auth_token', (v) => `TWILIO_AUTH_TOKEN=${v}`, chars(r, HEX, 32))],
    nearMisses: [
      (r) => `TWILIO_AUTH_TOKEN=${chars(r, HEX, 31)}`,
      (r) => `TWILIO_AUTH_TOKEN=${chars(r, HEX, 33)}`,
      `TWILIO_AUTH_TOKEN=${'0'.repeat(32)}`,
      'TWILIO_AUTH_TOKEN=your_auth_token',
    ],
  },
};
