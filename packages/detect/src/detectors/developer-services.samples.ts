import { ALNUM, chars, DIGITS, HEX, LOWER, UPPER } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { DetectorSamples, FamilySamples, Rng } from './samples.ts';

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.toUpperCase();
const URLSAFE = `${ALNUM}_-`;
const LOWHEX = HEX.toLowerCase();

/** A token's samples: found in an env file, a JSON config and a YAML value; the near-misses never. */
function samplesOf(
  make: (r: Rng) => string,
  field: string,
  nearMisses: DetectorSamples['nearMisses'],
): DetectorSamples {
  return {
    truePositives: carried(make, field, [
      (v) => `export ${field.toUpperCase()}=${v}`,
      (v) => `{"${field}": "${v}", "timeout": 30}`,
      (v) => `${field}: '${v}'`,
    ]),
    nearMisses,
  };
}

export const samples: FamilySamples = {
  'age-secret-key': samplesOf((r) => `AGE-SECRET-KEY-1${secretChars(r, BECH32, 58)}`, 'sops_age_key', [
    'AGE-SECRET-KEY-1...',
    (r) => `# public key: age1${secretChars(r, BECH32.toLowerCase(), 58)}`,
  ]),
  'mapbox-secret-token': samplesOf(
    (r) => `sk.eyJ1Ijoi${secretChars(r, URLSAFE, 40)}.${secretChars(r, URLSAFE, 22)}`,
    'mapbox_token',
    [
      (r) => `MAPBOX_PUBLIC_TOKEN=pk.eyJ1Ijoi${secretChars(r, URLSAFE, 40)}.${secretChars(r, URLSAFE, 22)}`,
      'sk.eyJ...',
    ],
  ),
  'shippo-api-token': samplesOf((r) => `shippo_live_${secretChars(r, LOWHEX, 40)}`, 'shippo_token', [
    'shippo_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'shippo_live_<token>',
  ]),
  'easypost-api-key': samplesOf((r) => `EZAK${secretChars(r, ALNUM, 54)}`, 'easypost_api_key', [
    (r) => `EZAK${secretChars(r, ALNUM, 20)}`,
    'EZAKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  ]),
  'duffel-api-token': samplesOf((r) => `duffel_live_${secretChars(r, URLSAFE, 43)}`, 'duffel_token', [
    'duffel_test_<your-token>',
    (r) => `duffel_live_${secretChars(r, ALNUM, 12)}`,
  ]),
  'postman-api-key': samplesOf(
    (r) => `PMAK-${secretChars(r, LOWHEX, 24)}-${secretChars(r, LOWHEX, 34)}`,
    'postman_api_key',
    [
      'PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `PMAK-${secretChars(r, LOWHEX, 24)}`,
    ],
  ),
  'prefect-api-key': samplesOf((r) => `pnu_${secretChars(r, ALNUM, 36)}`, 'prefect_api_key', [
    'pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'pnu_<key>',
  ]),
  'readme-api-key': samplesOf((r) => `rdme_${secretChars(r, `${LOWER}${DIGITS}`, 70)}`, 'readme_api_key', [
    'rdme_xxx',
    (r) => `rdme_${secretChars(r, LOWER, 20)}`,
  ]),
  'sourcegraph-access-token': samplesOf(
    (r) => `sgp_${secretChars(r, LOWHEX, 16)}_${secretChars(r, LOWHEX, 40)}`,
    'src_access_token',
    ['sgp_local_0000000000000000000000000000000000000000', 'sgp_<token>'],
  ),
  'openshift-user-token': samplesOf((r) => `sha256~${secretChars(r, URLSAFE, 43)}`, 'openshift_token', [
    'sha256~<token>',
    (r) => `image: quay.io/app@sha256:${chars(r, LOWHEX, 64)}`,
  ]),
  'typeform-api-token': samplesOf((r) => `tfp_${secretChars(r, URLSAFE, 59)}`, 'typeform_token', [
    'tfp_<personal-access-token>',
    (r) => `tfp_${secretChars(r, ALNUM, 20)}`,
  ]),
  'contentful-management-token': samplesOf(
    (r) => `CFPAT-${secretChars(r, URLSAFE, 43)}`,
    'contentful_token',
    ['CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'CFPAT-<token>'],
  ),
  'hubspot-private-app-token': samplesOf(
    (r) =>
      `pat-na1-${secretChars(r, LOWHEX, 8)}-${secretChars(r, LOWHEX, 4)}-${secretChars(r, LOWHEX, 4)}-${secretChars(r, LOWHEX, 4)}-${secretChars(r, LOWHEX, 12)}`,
    'hubspot_token',
    ['pat-na1-00000000-0000-0000-0000-000000000000', 'cat-na1-foo'],
  ),
  'settlemint-token': samplesOf((r) => `sm_pat_${secretChars(r, ALNUM, 16)}`, 'settlemint_token', [
    'sm_pat_xxxxxxxxxxxxxxxx',
    'sm_pat_<token>',
  ]),
  'frameio-api-token': samplesOf((r) => `fio-u-${secretChars(r, URLSAFE, 64)}`, 'frameio_token', [
    'fio-u-<developer-token>',
    (r) => `fio-u-${secretChars(r, ALNUM, 20)}`,
  ]),
  'harness-access-token': samplesOf(
    (r) => `pat.${secretChars(r, URLSAFE, 22)}.${secretChars(r, ALNUM, 24)}.${secretChars(r, ALNUM, 20)}`,
    'harness_platform_api_key',
    ['pat.<account>.<id>.<secret>', 'see pat.example.com for details'],
  ),
  'twitter-bearer-token': samplesOf(
    (r) => `${'A'.repeat(22)}${secretChars(r, ALNUM, 30)}%3D${secretChars(r, ALNUM, 57)}`,
    'twitter_bearer_token',
    [`${'A'.repeat(40)}`, `${'A'.repeat(22)}<bearer-token>`],
  ),
  'octopus-deploy-api-key': samplesOf(
    (r) => `API-${secretChars(r, `${UPPER}${DIGITS}`, 26)}`,
    'octopus_api_key',
    ['API-XXXXXXXXXXXXXXXXXXXXXXXXXX', 'API-GATEWAY-URL=https://gw.internal'],
  ),
};
