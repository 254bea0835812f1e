import { ALNUM, BASE64URL, b64url, chars, int, pick, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  jwt: {
    truePositives: [
      (r) => {
        const header = b64url(JSON.stringify({ alg: pick(r, ['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
        const payload = b64url(JSON.stringify({ sub: chars(r, ALNUM, 12), iat: int(r, 1.6e9, 1.8e9) }));
        return plant(
          'authorization',
          (v) => `Authorization: Bearer ${v}`,
          `${header}.${payload}.${chars(r, BASE64URL, 43)}`,
        );
      },
    ],
    nearMisses: [
      (r) => `token ${b64url('{"typ":"none"}')}.${b64url('{"a":1}')}.${chars(r, BASE64URL, 20)}`,
      // A Supabase anon key: public by design (the browser holds it; row-level security guards the data).
      (r) =>
        `NEXT_PUBLIC_SUPABASE_ANON_KEY=${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"iss":"supabase","ref":"${chars(r, 'abcdefghijklmnopqrstuvwxyz', 20)}","role":"anon","iat":1711671167,"exp":2027031167}`)}.${chars(r, BASE64URL, 43)}`,
    ],
  },
};
