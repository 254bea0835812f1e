import type { Detector } from '../types.ts';
import { rep } from './pattern-kit.ts';
import { shapedToken } from './token-kit.ts';

/** PyPI API token: a macaroon whose base64 opens with the issuer (`pypi.org` or `test.pypi.org`). */
export const pypiToken = shapedToken({
  id: 'pypi-token',
  name: 'PyPI API token',
  severity: 'critical',
  keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yz'],
  token: `pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)${rep('[A-Za-z0-9_-]', 50, Number.POSITIVE_INFINITY)}`,
  randomFrom: 24,
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['pypi', 'twine', 'password', 'pypirc'],
  span: { before: 'A-Za-z0-9', maxBefore: 0, after: 'A-Za-z0-9_-', maxAfter: 4096 },
  baseConfidence: 0.95,
  mask: { keepStart: 9, keepEnd: 4 },
  validator: 'entropy',
  example: '`pypi-AgEIcHlwaS5vcmc` (or the test.pypi.org header) + 50 or more of A-Za-z0-9_-',
  description: 'A PyPI API token: uploads releases of its projects (or every project of its user).',
});

/** RubyGems API key (`rubygems_` + 48 hex). */
export const rubygemsApiKey = shapedToken({
  id: 'rubygems-api-key',
  name: 'RubyGems API key',
  severity: 'critical',
  keywords: ['rubygems_'],
  token: `rubygems_${rep('[a-f0-9]', 48)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 9,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['rubygems', 'gem_host_api_key', 'credentials'],
  mask: { keepStart: 9, keepEnd: 4 },
  validator: 'entropy',
  example: '`rubygems_` + 48 hex',
  description: 'A RubyGems.org API key: pushes and yanks gems of its owner.',
});

/** NuGet API key (`oy2` + 43 lower-case alphanumerics). */
export const nugetApiKey = shapedToken({
  id: 'nuget-api-key',
  name: 'NuGet API key',
  severity: 'critical',
  keywords: ['oy2'],
  token: `oy2${rep('[a-z0-9]', 43)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 3,
  quality: { minEntropy: 3.8, minClasses: 2 },
  contextWords: ['nuget', 'apikey', 'dotnet'],
  validator: 'entropy',
  example: '`oy2` + 43 of a-z0-9',
  description: 'A nuget.org API key: pushes and unlists packages of its owner.',
});

/** Docker Hub personal or organization access token (`dckr_pat_`/`dckr_oat_` + 27 to 32 characters). */
export const dockerHubToken = shapedToken({
  id: 'docker-hub-token',
  name: 'Docker Hub access token',
  severity: 'high',
  keywords: ['dckr_pat_', 'dckr_oat_'],
  token: `dckr_[po]at_${rep('[A-Za-z0-9_-]', 27, 32)}`,
  randomFrom: 9,
  quality: { minEntropy: 3.8, minClasses: 3 },
  contextWords: ['docker', 'dockerhub', 'docker_password', 'registry'],
  mask: { keepStart: 9, keepEnd: 4 },
  validator: 'entropy',
  example: '`dckr_pat_` (or `dckr_oat_`) + 27-32 of A-Za-z0-9_-',
  description: 'A Docker Hub access token: pulls and pushes the images of its user or organization.',
});

/** Clojars deploy token (`CLOJARS_` + 60 lower-case alphanumerics). */
export const clojarsToken = shapedToken({
  id: 'clojars-token',
  name: 'Clojars deploy token',
  severity: 'high',
  keywords: ['clojars_'],
  token: `CLOJARS_${rep('[a-z0-9]', 60)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 8,
  quality: { minEntropy: 3.8, minClasses: 2 },
  contextWords: ['clojars', 'deploy', 'lein'],
  mask: { keepStart: 8, keepEnd: 4 },
  validator: 'entropy',
  example: '`CLOJARS_` + 60 of a-z0-9',
  description: 'A Clojars deploy token: publishes artifacts of its user.',
});

export const packageRegistryDetectors: readonly Detector[] = [
  pypiToken,
  rubygemsApiKey,
  nugetApiKey,
  dockerHubToken,
  clojarsToken,
];
