import { ALNUM, DIGITS, HEX, LOWER } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

const URLSAFE = `${ALNUM}_-`;

export const samples: FamilySamples = {
  'pypi-token': {
    truePositives: carried((r) => `pypi-AgEIcHlwaS5vcmc${secretChars(r, URLSAFE, 160)}`, 'password', [
      (v) => `[pypi]\n  username = __token__\n  password = ${v}`,
      (v) => `export TWINE_PASSWORD=${v}`,
    ]).concat(
      carried((r) => `pypi-AgENdGVzdC5weXBpLm9yZw${secretChars(r, URLSAFE, 150)}`, 'password', [
        (v) => `[testpypi]\npassword: ${v}`,
      ]),
    ),
    nearMisses: [
      'pypi-AgEIcHlwaS5vcmc is cut short',
      'TWINE_PASSWORD=pypi-<your-token>',
      (r) => `pypi-AgEIcHlwaS5vcmc${secretChars(r, URLSAFE, 20)}`,
    ],
  },
  'rubygems-api-key': {
    truePositives: carried((r) => `rubygems_${secretChars(r, HEX, 48)}`, 'rubygems_api_key', [
      (v) => `---\n:rubygems_api_key: ${v}`,
      (v) => `export GEM_HOST_API_KEY=${v}`,
    ]),
    nearMisses: [
      (r) => `rubygems_${secretChars(r, HEX, 40)}`,
      `:rubygems_api_key: rubygems_${'0'.repeat(48)}`,
      'require "rubygems_plugin"',
    ],
  },
  'nuget-api-key': {
    truePositives: carried((r) => `oy2${secretChars(r, LOWER + DIGITS, 43)}`, 'nuget_api_key', [
      (v) => `dotnet nuget push pkg.nupkg --api-key ${v} --source https://api.nuget.org/v3/index.json`,
      (v) => `<add key="ClearTextPassword" value="${v}" />`,
      (v) => `NUGET_API_KEY: ${v}`,
    ]),
    nearMisses: [
      (r) => `oy2${secretChars(r, LOWER + DIGITS, 30)}`,
      `apikey oy2${'a'.repeat(43)}`,
      'toy2 boy2',
    ],
  },
  'docker-hub-token': {
    truePositives: carried((r) => `dckr_pat_${secretChars(r, URLSAFE, 27)}`, 'docker_password', [
      (v) => `echo ${v} | docker login -u acme --password-stdin`,
      (v) => `DOCKERHUB_TOKEN: ${v}`,
    ]).concat(
      carried((r) => `dckr_oat_${secretChars(r, URLSAFE, 32)}`, 'docker_password', [
        (v) => `export DOCKER_PAT=${v}`,
      ]),
    ),
    nearMisses: [
      'DOCKERHUB_TOKEN: dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `dckr_pat_${secretChars(r, URLSAFE, 12)}`,
    ],
  },
  'clojars-token': {
    truePositives: carried((r) => `CLOJARS_${secretChars(r, LOWER + DIGITS, 60)}`, 'clojars_token', [
      (v) => `export CLOJARS_PASSWORD=${v}`,
      (v) => `{:repositories [["clojars" {:username "acme" :password "${v}"}]]}`,
    ]),
    nearMisses: [
      'CLOJARS_USERNAME=acme',
      (r) => `CLOJARS_${secretChars(r, LOWER + DIGITS, 30)}`,
      'CLOJARS_PASSWORD',
    ],
  },
};
