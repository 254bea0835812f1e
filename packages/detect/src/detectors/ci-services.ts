import type { Detector } from '../types.ts';
import { rep } from './pattern-kit.ts';
import { assignedSecret, shapedToken, UUID, uuidLooksReal } from './token-kit.ts';

/** CircleCI personal or project API token (`CCIPAT_`/`CCIPRJ_` + 22 + `_` + 40 hex). */
export const circleciToken = shapedToken({
  id: 'circleci-token',
  name: 'CircleCI API token',
  severity: 'high',
  keywords: ['ccipat_', 'cciprj_'],
  token: `CCIP(?:AT|RJ)_${rep('[A-Za-z0-9]', 22)}_${rep('[a-f0-9]', 40)}`,
  tail: 'A-Za-z0-9_',
  randomFrom: 7,
  quality: { minEntropy: 3.5, minClasses: 3 },
  contextWords: ['circleci', 'circle-token', 'circle_token'],
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`CCIPAT_` (or `CCIPRJ_`) + 22 base62 + `_` + 40 hex',
  description: 'A CircleCI personal or project API token: pipelines, contexts and their secrets.',
});

/** CircleCI legacy API token: 40 hex assigned to a CircleCI name (`CIRCLE_TOKEN`). */
export const circleciLegacyToken = assignedSecret({
  id: 'circleci-legacy-token',
  name: 'CircleCI API token (legacy)',
  severity: 'high',
  keywords: ['circleci', 'circle_token', 'circle-token', 'circle_api'],
  names: ['circleci', 'circle_token', 'circle-token', 'circle_api'],
  value: '[a-f0-9]{40}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['circleci', 'token', 'circle_api'],
  validator: 'entropy',
  example: '40 hex assigned to a CircleCI name (`CIRCLE_TOKEN`)',
  description: 'A CircleCI API token without the `CCIPAT_` prefix.',
});

/** Travis CI API token: 22 URL-safe characters assigned to a Travis name. */
export const travisCiToken = assignedSecret({
  id: 'travis-ci-token',
  name: 'Travis CI API token',
  severity: 'high',
  keywords: ['travis'],
  names: ['travis'],
  value: '[A-Za-z0-9_-]{22}',
  tail: 'A-Za-z0-9_-',
  quality: { minEntropy: 3.5, minClasses: 3 },
  contextWords: ['travis', 'token'],
  validator: 'entropy',
  example: '22 of A-Za-z0-9_- assigned to a Travis name',
  description: 'A Travis CI API token: builds, settings and environment variables.',
});

/** Buildkite user API access token (`bkua_` + 40 hex). */
export const buildkiteToken = shapedToken({
  id: 'buildkite-token',
  name: 'Buildkite API access token',
  severity: 'high',
  keywords: ['bkua_'],
  token: `bkua_${rep('[a-f0-9]', 40)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 5,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['buildkite', 'token'],
  validator: 'entropy',
  example: '`bkua_` + 40 hex',
  description: 'A Buildkite user API access token: pipelines, builds and agents of its organizations.',
});

/** Codecov upload token: a UUID assigned to a Codecov name (`CODECOV_TOKEN`). */
export const codecovToken = assignedSecret({
  id: 'codecov-token',
  name: 'Codecov token',
  severity: 'medium',
  keywords: ['codecov_token', 'codecov_upload', 'codecov_api', 'codecovtoken'],
  names: ['codecov_token', 'codecov_upload', 'codecov_api', 'codecovtoken'],
  value: UUID,
  tail: 'A-Za-z0-9-',
  quality: { minEntropy: 3, minClasses: 1 },
  check: uuidLooksReal,
  contextWords: ['codecov', 'token'],
  validator: 'UUID, not a placeholder',
  example: 'a UUID assigned to `CODECOV_TOKEN`',
  description: 'A Codecov upload or API token of a repository.',
});

/** JFrog Artifactory API key (`AKCp` + 69 alphanumerics). */
export const jfrogApiKey = shapedToken({
  id: 'jfrog-api-key',
  name: 'JFrog Artifactory API key',
  severity: 'critical',
  keywords: ['akcp'],
  token: `AKCp${rep('[A-Za-z0-9]', 69)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 4,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['artifactory', 'jfrog', 'x-jfrog-art-api'],
  validator: 'entropy',
  example: '`AKCp` + 69 base62',
  description: 'A JFrog Artifactory API key: reads and publishes artifacts as its user.',
});

/** JFrog identity (reference) token: base64 of `reftkn:01:...` (64 characters). */
export const jfrogIdentityToken = shapedToken({
  id: 'jfrog-identity-token',
  name: 'JFrog identity token',
  severity: 'critical',
  keywords: ['cmvmdgtuojaxoj'],
  token: `cmVmdGtuOjAxOj${rep('[A-Za-z0-9]', 50)}`,
  tail: 'A-Za-z0-9+/=',
  randomFrom: 14,
  quality: { minEntropy: 3.5, minClasses: 3 },
  contextWords: ['artifactory', 'jfrog', 'token'],
  validator: 'entropy',
  example: '`cmVmdGtuOjAxOj` + 50 base62',
  description: 'A JFrog Platform identity (reference) token of a user.',
});

/** SonarQube/SonarCloud token: `squ_` (user), `sqp_` (project) or `sqa_` (global analysis) + 40 hex. */
export const sonarToken = shapedToken({
  id: 'sonar-token',
  name: 'SonarQube token',
  severity: 'high',
  keywords: ['squ_', 'sqp_', 'sqa_'],
  token: `sq[upa]_${rep('[a-f0-9]', 40)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 4,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['sonar', 'sonar_token', 'sonarqube', 'sonarcloud'],
  validator: 'entropy',
  example: '`squ_` (or `sqp_`, `sqa_`) + 40 hex',
  description: 'A SonarQube or SonarCloud token: analysis results and source code of its projects.',
});

/** Snyk API token: a UUID assigned to a Snyk name (`SNYK_TOKEN`). */
export const snykToken = assignedSecret({
  id: 'snyk-token',
  name: 'Snyk API token',
  severity: 'high',
  keywords: ['snyk_token', 'snyk_api', 'snyk_auth', 'snyktoken'],
  names: ['snyk_token', 'snyk_api', 'snyk_auth', 'snyktoken'],
  value: UUID,
  tail: 'A-Za-z0-9-',
  quality: { minEntropy: 3, minClasses: 1 },
  check: uuidLooksReal,
  contextWords: ['snyk', 'token'],
  validator: 'UUID, not a placeholder',
  example: 'a UUID assigned to `SNYK_TOKEN`',
  description: 'A Snyk API token: projects, findings and settings of its organizations.',
});

export const ciServiceDetectors: readonly Detector[] = [
  circleciToken,
  circleciLegacyToken,
  travisCiToken,
  buildkiteToken,
  codecovToken,
  jfrogApiKey,
  jfrogIdentityToken,
  sonarToken,
  snykToken,
];
