import { ALNUM, chars, DIGITS, HEX, LOWER, pick } from '../../eval/random.ts';
import { b64, plant } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

function secret(r: Rng, n = 14): string {
  return `${chars(r, ALNUM, n - 1)}${chars(r, '!#%*+-_.', 1)}`;
}

export const samples: FamilySamples = {
  'docker-registry-auth': {
    truePositives: [
      (r) =>
        plant(
          'auth',
          (v) => `{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "${v}"\n    }\n  }\n}`,
          b64(`${chars(r, LOWER, 8)}:${secret(r)}`),
        ),
      (r) =>
        plant(
          'auth',
          (v) => `{"auths":{"ghcr.io":{"auth":"${v}"}}}`,
          b64(`${chars(r, LOWER, 6)}:ghp_${chars(r, ALNUM, 36)}`),
        ),
    ],
    nearMisses: [
      '{"auths": {"registry.example.com": {"auth": ""}}, "credsStore": "desktop"}',
      `{"auths": {"r.io": {"auth": "${b64('user:password')}"}}}`,
      `{"auths": {"r.io": {"auth": "${b64('registry.example.com')}"}}}`,
    ],
  },
  'netrc-password': {
    truePositives: [
      (r) =>
        plant(
          'password',
          (v) => `machine api.heroku.com\n  login ${chars(r, LOWER, 6)}@example.com\n  password ${v}`,
          secret(r, 36),
        ),
      (r) =>
        plant(
          'password',
          // A GitHub token of the 40-hex kind (before `ghp_`): only the .netrc line names it.
          (v) => `machine github.com login ${chars(r, LOWER, 7)} password ${v}`,
          chars(r, HEX, 40),
        ),
    ],
    nearMisses: [
      'machine api.heroku.com login me@example.com password <api-key>',
      'machine learning models and password managers',
    ],
  },
  'pgpass-password': {
    truePositives: [
      (r) =>
        plant('pgpass', (v) => `localhost:5432:${chars(r, LOWER, 6)}:${chars(r, LOWER, 6)}:${v}`, secret(r)),
      (r) =>
        plant('pgpass', (v) => `# hostname:port:database:username:password\n*:*:*:postgres:${v}`, secret(r)),
    ],
    nearMisses: [
      'localhost:5432:*:postgres:password',
      (r) => `10:15:${pick(r, ['32', '45'])}:5432:${chars(r, DIGITS, 4)}:x:y`,
    ],
  },
};
