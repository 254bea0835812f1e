import { ALNUM, chars, LOWER, plant } from '../../eval/random.ts';
import { tokenChecksum } from '../validators/github-checksum.ts';
import { carried, ref, secretChars, uuid } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'npm-token': {
    truePositives: [
      (r) => {
        const random = chars(r, ALNUM, 30);
        return plant(
          'npmrc',
          (v) => `//registry.npmjs.org/:_authToken=${v}`,
          `npm_${random}${tokenChecksum(random)}`,
        );
      },
    ],
    nearMisses: [`_authToken=npm_${'x'.repeat(36)}`],
  },
  'npm-legacy-auth-token': {
    truePositives: carried(uuid, 'npmAuthToken', [
      (v) => `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${v}`,
      (v) => `//npm.example.org/repository/npm/:_authToken="${v}"`,
      (v) => `npmRegistryServer: "https://npm.example.org"\nnpmAuthToken: "${v}"`,
    ]),
    nearMisses: [
      `//registry.npmjs.org/:_authToken=${ref('NPM_TOKEN')}`,
      '//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000',
      (r) => `package-lock integrity id ${uuid(r)}`,
    ],
  },
  'npmrc-auth': {
    truePositives: carried(
      (r) => Buffer.from(`${secretChars(r, LOWER, 7)}:${secretChars(r, ALNUM, 16)}`).toString('base64'),
      '_auth',
      [
        (v) => `registry=https://nexus.example.org/repository/npm/\n_auth=${v}\nalways-auth=true`,
        (v) => `//nexus.example.org/repository/npm/:_auth="${v}"`,
      ],
    ).concat(
      carried((r) => Buffer.from(secretChars(r, ALNUM, 18)).toString('base64'), '_password', [
        (v) =>
          `//nexus.example.org/repository/npm/:username=ci\n//nexus.example.org/repository/npm/:_password=${v}`,
      ]),
    ),
    nearMisses: [
      `_auth=${ref('NPM_AUTH')}`,
      `_auth=${Buffer.from('no-colon-example').toString('base64')}`,
      'self._auth = AuthProviderBase',
    ],
  },
};
