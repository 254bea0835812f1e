import { ALNUM, chars, LOWER, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'http-basic-auth': {
    truePositives: [
      (r) => {
        const value = Buffer.from(`${chars(r, LOWER, 6)}:${chars(r, ALNUM, 14)}`).toString('base64');
        return plant('headers', (v) => `Authorization: Basic ${v}`, value);
      },
    ],
    nearMisses: [`Authorization: Basic ${Buffer.from('user:password').toString('base64')}`],
  },
  'session-cookie': {
    truePositives: [
      (r) =>
        plant(
          'cookie',
          (v) => `Cookie: sessionid=${v}; csrftoken=${chars(r, ALNUM, 32)}`,
          chars(r, `${LOWER}0123456789`, 32),
        ),
      (r) =>
        plant(
          'headers',
          (v) => `{"name": "cookie", "value": "PHPSESSID=${v}"}`,
          chars(r, `${LOWER}0123456789`, 26),
        ),
      (r) =>
        plant(
          'set_cookie',
          (v) => `Set-Cookie: JSESSIONID=${v}; Path=/; HttpOnly`,
          chars(r, '0123456789ABCDEF', 32),
        ),
    ],
    nearMisses: [
      'GET /report?sessionid=8f14e45fceea167a5a36dedd4bea2543 HTTP/1.1',
      'Cookie: sessionid=<your-session-id>',
      'Set-Cookie: JSESSIONID=deleted; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ],
  },
};
