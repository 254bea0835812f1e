import { ALNUM, chars, HEX, plant } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { DetectorSamples, FamilySamples, Rng } from './samples.ts';

const body = (r: Rng, n: number) => secretChars(r, ALNUM, n);

/** Samples of a prefixed GitLab token: env, YAML and header carriers; short and placeholder near-misses. */
function kind(prefix: string, n: number, make?: (r: Rng) => string): DetectorSamples {
  return {
    truePositives: carried(make ?? ((r) => `${prefix}${body(r, n)}`), 'gitlab_token', [
      (v) => `export GITLAB_TOKEN=${v}`,
      (v) => `curl --header "PRIVATE-TOKEN: ${v}" https://gitlab.example.com/api/v4/projects`,
      (v) => `gitlab:\n  token: '${v}'`,
    ]),
    nearMisses: [
      (r) => `token: ${prefix}${body(r, 12)}`,
      `token: ${prefix}${'x'.repeat(n)}`,
      `GITLAB_TOKEN=${prefix}<your_access_token>`,
    ],
  };
}

export const samples: FamilySamples = {
  'gitlab-token': {
    truePositives: [
      (r) => plant('gitlab_token', (v) => `PRIVATE-TOKEN: ${v}`, `glpat-${chars(r, ALNUM, 20)}`),
    ],
    nearMisses: [
      (r) => `PRIVATE-TOKEN: glpat-${chars(r, ALNUM, 19)}`,
      (r) => `PRIVATE-TOKEN: glpak-${chars(r, ALNUM, 20)}`,
      'PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxxxxxx',
      'GITLAB_TOKEN=glpat-<your_access_token>',
    ],
  },
  'gitlab-deploy-token': kind('gldt-', 20),
  'gitlab-runner-token': kind(
    'glrt-',
    20,
    (r) => `glrt-t1_${body(r, 27)}.0w1${secretChars(r, '0123456789abcdefghijklmnopqrstuvwxyz', 6)}`,
  ),
  'gitlab-pipeline-trigger-token': kind('glptt-', 40, (r) => `glptt-${secretChars(r, HEX, 40)}`),
  'gitlab-scim-token': kind('glsoat-', 20),
  'gitlab-ci-job-token': kind('glcbt-', 20, (r) => `glcbt-${secretChars(r, ALNUM, 2)}_${body(r, 20)}`),
  'gitlab-feature-flag-client-token': kind('glffct-', 20),
  'gitlab-feed-token': kind('glft-', 20),
  'gitlab-incoming-mail-token': kind('glimt-', 25),
  'gitlab-agent-token': kind('glagent-', 50),
  'gitlab-oauth-app-secret': kind('gloas-', 64),
  'gitlab-runner-registration-token': {
    truePositives: carried((r) => `GR1348941${body(r, 20)}`, 'registration_token', [
      (v) => `gitlab-runner register --url https://gitlab.com --registration-token ${v}`,
      (v) => `runnerRegistrationToken: "${v}"`,
    ]),
    nearMisses: ['GR134894112312312312312312312', 'GR1348941XXXXXXXXXXXXXXXXXXXX', 'build GR1348941 done'],
  },
  'gitlab-session-cookie': {
    truePositives: carried((r) => `_gitlab_session=${secretChars(r, HEX, 32)}`, 'cookie', [
      (v) => `Cookie: ${v}; event_filter=all`,
      (v) => `curl -b "${v}" https://gitlab.example.com/-/profile`,
    ]),
    nearMisses: ['Cookie: _gitlab_session=', `Cookie: _gitlab_session=${'0'.repeat(32)}`],
  },
};
