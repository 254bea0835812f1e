import type { Detector, Severity } from '../types.ts';
import { rep } from './pattern-kit.ts';
import { shapedToken } from './token-kit.ts';

const B = '[A-Za-z0-9_-]';
/** A routable token's tail: `.` + optional 2-character version + `.` + length and CRC32 (base36). */
const ROUTABLE = `(?:\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9})?`;

interface Kind {
  id: string;
  name: string;
  severity: Severity;
  prefix: string;
  body: string;
  description: string;
  validator: string;
  example: string;
}

/** GitLab token kinds, by prefix (docs.gitlab.com, "Token prefixes"). */
const KINDS: readonly Kind[] = [
  {
    id: 'gitlab-token',
    name: 'GitLab personal, project or group access token',
    severity: 'critical',
    prefix: 'glpat-',
    body: `${rep(B, 20, 80)}${ROUTABLE}`,
    description: 'A GitLab access token (personal, project or group), routable or legacy.',
    validator: 'entropy',
    example: '`glpat-` + 20-80 of A-Za-z0-9_- (routable: + `.` + version + `.` + 9 base36)',
  },
  {
    id: 'gitlab-deploy-token',
    name: 'GitLab deploy token',
    severity: 'high',
    prefix: 'gldt-',
    validator: 'entropy',
    example: '`gldt-` + 20-64 of A-Za-z0-9_-',
    body: rep(B, 20, 64),
    description: 'A GitLab deploy token: repository, package and registry access of its project.',
  },
  {
    id: 'gitlab-runner-token',
    name: 'GitLab runner authentication token',
    severity: 'high',
    prefix: 'glrt-',
    validator: 'entropy',
    example: '`glrt-` + 20-80 of A-Za-z0-9_- (routable: + `.` + version + `.` + 9 base36)',
    body: `${rep(B, 20, 80)}${ROUTABLE}`,
    description: 'A GitLab runner authentication token: picks up jobs and their secrets.',
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    name: 'GitLab pipeline trigger token',
    severity: 'high',
    prefix: 'glptt-',
    validator: 'entropy',
    example: '`glptt-` + 20-64 of A-Za-z0-9_-',
    body: rep(B, 20, 64),
    description: 'A GitLab pipeline trigger token: runs pipelines as its owner.',
  },
  {
    id: 'gitlab-scim-token',
    name: 'GitLab SCIM token',
    severity: 'critical',
    prefix: 'glsoat-',
    validator: 'entropy',
    example: '`glsoat-` + 20-64 of A-Za-z0-9_-',
    body: rep(B, 20, 64),
    description: 'A GitLab SCIM OAuth token: provisions and removes users of a group.',
  },
  {
    id: 'gitlab-ci-job-token',
    name: 'GitLab CI/CD job token',
    severity: 'medium',
    prefix: 'glcbt-',
    validator: 'entropy',
    example: '`glcbt-` + 1-5 base62 + `_` + 20-64 of A-Za-z0-9_-',
    body: `[0-9a-zA-Z]{1,5}_${rep(B, 20, 64)}`,
    description: 'A GitLab CI/CD job token, valid while its job runs.',
  },
  {
    id: 'gitlab-feature-flag-client-token',
    name: 'GitLab feature flag client token',
    severity: 'medium',
    prefix: 'glffct-',
    validator: 'entropy',
    example: '`glffct-` + 20-64 of A-Za-z0-9_-',
    body: rep(B, 20, 64),
    description: 'A GitLab feature flag client token: reads the flags and user lists of a project.',
  },
  {
    id: 'gitlab-feed-token',
    name: 'GitLab feed token',
    severity: 'medium',
    prefix: 'glft-',
    validator: 'entropy',
    example: '`glft-` + 20-64 of A-Za-z0-9_-',
    body: rep(B, 20, 64),
    description: 'A GitLab feed token: reads the RSS/Atom and calendar feeds of its user.',
  },
  {
    id: 'gitlab-incoming-mail-token',
    name: 'GitLab incoming mail token',
    severity: 'medium',
    prefix: 'glimt-',
    validator: 'entropy',
    example: '`glimt-` + 25-64 of A-Za-z0-9_-',
    body: rep(B, 25, 64),
    description: 'A GitLab incoming email token: creates issues and merge requests by mail.',
  },
  {
    id: 'gitlab-agent-token',
    name: 'GitLab agent for Kubernetes token',
    severity: 'critical',
    prefix: 'glagent-',
    validator: 'entropy',
    example: '`glagent-` + 50-100 of A-Za-z0-9_-',
    body: rep(B, 50, 100),
    description: 'A GitLab agent for Kubernetes token: connects a cluster to its projects.',
  },
  {
    id: 'gitlab-oauth-app-secret',
    name: 'GitLab OAuth application secret',
    severity: 'high',
    prefix: 'gloas-',
    validator: 'entropy',
    example: '`gloas-` + 64-100 of A-Za-z0-9_-',
    body: rep(B, 64, 100),
    description: 'The secret of a GitLab OAuth application (sign-in with GitLab).',
  },
];

const kindDetectors = KINDS.map((k) =>
  shapedToken({
    id: k.id,
    name: k.name,
    severity: k.severity,
    keywords: [k.prefix],
    token: `${k.prefix}${k.body}`,
    randomFrom: k.prefix.length,
    quality: { minEntropy: 3, minClasses: 2 },
    contextWords: ['gitlab', 'token', 'private-token'],
    mask: { keepStart: k.prefix.length, keepEnd: 4 },
    description: k.description,
    validator: k.validator,
    example: k.example,
  }),
);

/** GitLab runner registration token (legacy, `GR1348941` + 20 characters). */
export const gitlabRunnerRegistrationToken = shapedToken({
  id: 'gitlab-runner-registration-token',
  name: 'GitLab runner registration token',
  severity: 'high',
  keywords: ['gr1348941'],
  token: `GR1348941${rep(B, 20)}`,
  randomFrom: 9,
  quality: { minEntropy: 3, minClasses: 2 },
  contextWords: ['gitlab', 'runner', 'registration'],
  mask: { keepStart: 9, keepEnd: 4 },
  validator: 'entropy',
  example: '`GR1348941` + 20 of A-Za-z0-9_-',
  description: 'A legacy GitLab runner registration token: registers runners that receive jobs.',
});

/** GitLab session cookie (`_gitlab_session=` + 32 hex). */
export const gitlabSessionCookie = shapedToken({
  id: 'gitlab-session-cookie',
  name: 'GitLab session cookie',
  severity: 'high',
  keywords: ['_gitlab_session='],
  token: `_gitlab_session=${rep('[0-9a-f]', 32)}`,
  tail: 'A-Za-z0-9',
  randomFrom: 16,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['cookie', 'gitlab'],
  mask: { keepStart: 18, keepEnd: 2 },
  validator: 'entropy',
  example: '`_gitlab_session=` + 32 hex',
  description: 'A signed-in GitLab session: the account of its user until it expires.',
});

/** The `glpat-` detector keeps the id `gitlab-token` it had when it covered every prefix. */
export const gitlabToken = kindDetectors[0]!;

export const gitlabDetectors: readonly Detector[] = [
  ...kindDetectors,
  gitlabRunnerRegistrationToken,
  gitlabSessionCookie,
];
