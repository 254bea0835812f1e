import { ALNUM, HEX } from '../../eval/random.ts';
import { carried, ref, secretChars, uuid } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'circleci-token': {
    truePositives: carried(
      (r) => `CCIPAT_${secretChars(r, ALNUM, 22)}_${secretChars(r, HEX, 40)}`,
      'circle_token',
      [
        (v) => `export CIRCLECI_TOKEN=${v}`,
        (v) => `headers: {'Circle-Token': '${v}'}`,
        (v) => `host: https://circleci.com\ntoken: ${v}`,
      ],
    ),
    nearMisses: [
      'export CIRCLECI_TOKEN=CCIPAT_...',
      (r) => `CCIPAT_${secretChars(r, ALNUM, 22)}_${secretChars(r, HEX, 20)}`,
    ],
  },
  'circleci-legacy-token': {
    truePositives: carried((r) => secretChars(r, HEX, 40), 'circle_token', [
      (v) => `export CIRCLE_TOKEN=${v}`,
      (v) => `circleci_token: "${v}"`,
    ]),
    nearMisses: [
      (r) => `CIRCLE_SHA1=${secretChars(r, HEX, 39)}`,
      `CIRCLE_TOKEN=${'0'.repeat(40)}`,
      'circle radius 40',
    ],
  },
  'travis-ci-token': {
    truePositives: carried((r) => secretChars(r, `${ALNUM}_-`, 22), 'travis_token', [
      (v) => `export TRAVIS_TOKEN=${v}`,
      (v) => `travis_api_token: "${v}"`,
    ]),
    nearMisses: [
      'TRAVIS_BRANCH=feature-new-login-flow',
      `travis_token: ${ref('TRAVIS_TOKEN')}`,
      'TRAVIS_OS_NAME=linux',
    ],
  },
  'buildkite-token': {
    truePositives: carried((r) => `bkua_${secretChars(r, HEX, 40)}`, 'buildkite_token', [
      (v) => `export BUILDKITE_API_TOKEN=${v}`,
      (v) => `bk configure --org acme --token ${v}`,
    ]),
    nearMisses: ['export BUILDKITE_TOKEN="bkua_xxx"', 'bkua_abc123 is too short', `bkua_${'a'.repeat(40)}`],
  },
  'codecov-token': {
    truePositives: carried(uuid, 'codecov_token', [
      (v) => `export CODECOV_TOKEN=${v}`,
      (v) => `- uses: codecov/codecov-action@v4\n  with:\n    codecov_token: ${v}`,
    ]),
    nearMisses: [
      (r) => `CODECOV_REPO_ID=${uuid(r)}`,
      'CODECOV_TOKEN=00000000-0000-0000-0000-000000000000',
      `codecov_token: ${ref('{ secrets.CODECOV_TOKEN }')}`,
    ],
  },
  'jfrog-api-key': {
    truePositives: carried((r) => `AKCp${secretChars(r, ALNUM, 69)}`, 'artifactory_api_key', [
      (v) => `export ARTIFACTORY_API_KEY=${v}`,
      (v) => `curl -H "X-JFrog-Art-Api: ${v}" https://acme.jfrog.io/artifactory/api/repositories`,
    ]),
    nearMisses: [(r) => `key AKCp${secretChars(r, ALNUM, 40)}`, `AKCp${'X'.repeat(69)}`],
  },
  'jfrog-identity-token': {
    truePositives: carried((r) => `cmVmdGtuOjAxOj${secretChars(r, ALNUM, 50)}`, 'artifactory_token', [
      (v) => `export JFROG_ACCESS_TOKEN=${v}`,
      (v) => `//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=${v}`,
    ]),
    nearMisses: ['cmVmdGtuOjAxOj', (r) => `cmVmdGtuOjAxOj${secretChars(r, ALNUM, 20)}`],
  },
  'sonar-token': {
    truePositives: carried(
      (r) => `${['squ_', 'sqp_', 'sqa_'][Math.floor(r() * 3)]}${secretChars(r, HEX, 40)}`,
      'sonar_token',
      [
        (v) => `export SONAR_TOKEN=${v}`,
        (v) => `sonar.token=${v}`,
        (v) => `mvn sonar:sonar -Dsonar.login=${v}`,
      ],
    ),
    nearMisses: [
      (r) => `squ_${secretChars(r, HEX, 39)} is one digit short`,
      `sonar.token=sqp_${'0'.repeat(40)}`,
      'squ_abc def',
    ],
  },
  'snyk-token': {
    truePositives: carried(uuid, 'snyk_token', [
      (v) => `export SNYK_TOKEN=${v}`,
      (v) => `snyk_api_token: "${v}"`,
    ]),
    nearMisses: [
      `SNYK_TOKEN=${ref('{ secrets.SNYK_TOKEN }')}`,
      (r) => `SNYK_ORG_ID=${uuid(r)}`,
      'SNYK_TOKEN=11111111-1111-1111-1111-111111111111',
    ],
  },
};
