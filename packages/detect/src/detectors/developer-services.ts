import type { Detector } from '../types.ts';
import { counted, shapedToken } from './token-kit.ts';

/*
 * Services whose tokens carry a prefix of their own: developer tools, logistics and travel
 * APIs, hosting and identity platforms. Each is found by its prefix and shape wherever it sits,
 * and its random part must look random.
 */

interface Prefixed {
  id: string;
  name: string;
  keywords: string[];
  /** Regex source of the whole token, counted repetitions written `[..]{n}` (see `counted`). */
  token: string;
  tail?: string;
  randomFrom: number;
  example: string;
  description: string;
  context: string[];
  minEntropy?: number;
}

function prefixed(p: Prefixed): Detector {
  return shapedToken({
    id: p.id,
    name: p.name,
    severity: 'high',
    keywords: p.keywords,
    token: counted(p.token),
    tail: p.tail ?? 'A-Za-z0-9_-',
    randomFrom: p.randomFrom,
    quality: { minEntropy: p.minEntropy ?? 3.5, minClasses: 1 },
    contextWords: p.context,
    mask: { keepStart: Math.min(p.randomFrom + 2, 12), keepEnd: 2 },
    example: p.example,
    description: p.description,
  });
}

export const developerServiceDetectors: readonly Detector[] = [
  prefixed({
    id: 'age-secret-key',
    name: 'age secret key',
    keywords: ['age-secret-key-1'],
    token: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
    tail: 'A-Z0-9',
    randomFrom: 16,
    example: '`AGE-SECRET-KEY-1` + 58 bech32 characters',
    description: 'An age (file encryption) identity: it decrypts every file encrypted to its recipient.',
    context: ['age', 'sops', 'identity'],
  }),
  prefixed({
    id: 'mapbox-secret-token',
    name: 'Mapbox secret access token',
    keywords: ['sk.eyj'],
    token: 'sk\\.eyJ[A-Za-z0-9_-]{20,200}\\.[A-Za-z0-9_-]{20,32}',
    randomFrom: 3,
    example: '`sk.eyJ` + base64url claims + `.` + 22 characters',
    description:
      'A Mapbox secret token (`sk.`): account and upload scopes; public `pk.` tokens are not reported.',
    context: ['mapbox'],
  }),
  prefixed({
    id: 'shippo-api-token',
    name: 'Shippo API token',
    keywords: ['shippo_'],
    token: 'shippo_(?:live|test)_[a-f0-9]{40}',
    randomFrom: 12,
    example: '`shippo_live_` (or `shippo_test_`) + 40 hex',
    description: 'A Shippo API token: shipping labels and customer addresses.',
    context: ['shippo', 'shipping'],
    minEntropy: 3,
  }),
  prefixed({
    id: 'easypost-api-key',
    name: 'EasyPost API key',
    keywords: ['ezak', 'eztk'],
    token: 'EZ[AT]K[a-zA-Z0-9]{54}',
    tail: 'A-Za-z0-9',
    randomFrom: 4,
    example: '`EZAK` (production) or `EZTK` (test) + 54 base62',
    description: 'An EasyPost API key: shipments, labels and addresses.',
    context: ['easypost', 'shipping'],
  }),
  prefixed({
    id: 'duffel-api-token',
    name: 'Duffel API token',
    keywords: ['duffel_'],
    token: 'duffel_(?:test|live)_[a-zA-Z0-9_=-]{43}',
    randomFrom: 12,
    example: '`duffel_live_` (or `duffel_test_`) + 43 characters',
    description: 'A Duffel API token: flight bookings and passenger data.',
    context: ['duffel', 'travel'],
  }),
  prefixed({
    id: 'postman-api-key',
    name: 'Postman API key',
    keywords: ['pmak-'],
    token: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}',
    tail: 'A-Za-z0-9',
    randomFrom: 5,
    example: '`PMAK-` + 24 hex + `-` + 34 hex',
    description: 'A Postman API key: workspaces, collections and the secrets their environments hold.',
    context: ['postman'],
    minEntropy: 3,
  }),
  prefixed({
    id: 'prefect-api-key',
    name: 'Prefect API key',
    keywords: ['pnu_'],
    token: 'pnu_[a-zA-Z0-9]{36}',
    tail: 'A-Za-z0-9',
    randomFrom: 4,
    example: '`pnu_` + 36 base62',
    description: 'A Prefect Cloud API key: flows, deployments and their blocks (which hold credentials).',
    context: ['prefect'],
  }),
  prefixed({
    id: 'readme-api-key',
    name: 'ReadMe API key',
    keywords: ['rdme_'],
    token: 'rdme_[a-z0-9]{70}',
    tail: 'a-z0-9',
    randomFrom: 5,
    example: '`rdme_` + 70 lower-case alphanumerics',
    description: 'A ReadMe API key: the project documentation and its API definitions.',
    context: ['readme'],
  }),
  prefixed({
    id: 'sourcegraph-access-token',
    name: 'Sourcegraph access token',
    keywords: ['sgp_'],
    token: 'sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}',
    randomFrom: 4,
    example: '`sgp_` + (16 hex + `_`) + 40 hex',
    description: 'A Sourcegraph access token: code search over every repository its user can read.',
    context: ['sourcegraph', 'src_access_token'],
    minEntropy: 3,
  }),
  prefixed({
    id: 'openshift-user-token',
    name: 'OpenShift user token',
    keywords: ['sha256~'],
    token: 'sha256~[A-Za-z0-9_-]{43}',
    randomFrom: 7,
    example: '`sha256~` + 43 base64url',
    description: 'An OpenShift OAuth access token (`oc whoami -t`): the cluster as its user.',
    context: ['openshift', 'oc login', 'token'],
  }),
  prefixed({
    id: 'typeform-api-token',
    name: 'Typeform personal access token',
    keywords: ['tfp_'],
    token: 'tfp_[a-zA-Z0-9_.=-]{59}',
    randomFrom: 4,
    example: '`tfp_` + 59 characters',
    description: 'A Typeform personal access token: forms and every response submitted to them.',
    context: ['typeform'],
  }),
  prefixed({
    id: 'contentful-management-token',
    name: 'Contentful management token',
    keywords: ['cfpat-'],
    token: 'CFPAT-[a-zA-Z0-9_-]{43}',
    randomFrom: 6,
    example: '`CFPAT-` + 43 base64url',
    description:
      'A Contentful personal access token (Content Management API): edits every space its user can.',
    context: ['contentful'],
  }),
  prefixed({
    id: 'hubspot-private-app-token',
    name: 'HubSpot private app token',
    keywords: ['pat-'],
    token: 'pat-(?:na|eu|ap)[12]-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    randomFrom: 8,
    example: '`pat-na1-` (or `eu1`, ...) + a UUID',
    description: 'A HubSpot private app access token: CRM contacts, companies and deals.',
    context: ['hubspot', 'crm'],
    minEntropy: 3,
  }),
  prefixed({
    id: 'settlemint-token',
    name: 'SettleMint access token',
    keywords: ['sm_pat_', 'sm_aat_', 'sm_sat_'],
    token: 'sm_(?:pat|aat|sat)_[a-zA-Z0-9]{16}',
    tail: 'A-Za-z0-9',
    randomFrom: 7,
    example: '`sm_pat_` (or `sm_aat_`, `sm_sat_`) + 16 base62',
    description: 'A SettleMint personal, application or service access token.',
    context: ['settlemint', 'blockchain'],
    minEntropy: 3,
  }),
  prefixed({
    id: 'frameio-api-token',
    name: 'Frame.io API token',
    keywords: ['fio-u-'],
    token: 'fio-u-[a-zA-Z0-9_=-]{64}',
    randomFrom: 6,
    example: '`fio-u-` + 64 characters',
    description: 'A Frame.io developer token: projects, assets and review links.',
    context: ['frameio', 'frame.io'],
  }),
  prefixed({
    id: 'harness-access-token',
    name: 'Harness access token',
    keywords: ['pat.', 'sat.'],
    token: '(?:pat|sat)\\.[a-zA-Z0-9_-]{22}\\.[a-zA-Z0-9]{24}\\.[a-zA-Z0-9]{20}',
    randomFrom: 4,
    example: '`pat.` (or `sat.`) + account id + `.` + 24 + `.` + 20 base62',
    description: 'A Harness personal or service-account token: pipelines, secrets and deployments.',
    context: ['harness'],
  }),
  prefixed({
    id: 'twitter-bearer-token',
    name: 'X (Twitter) app bearer token',
    keywords: ['aaaaaaaaaaaaaaaaaaaaaa'],
    token: `${'A'.repeat(22)}[a-zA-Z0-9%]{80,110}`,
    tail: 'A-Za-z0-9%',
    randomFrom: 22,
    example: '22 `A` + 80 to 110 characters (URL-encoded)',
    description: 'An X (Twitter) API app-only bearer token.',
    context: ['twitter', 'bearer', 'x_api'],
  }),
  prefixed({
    id: 'octopus-deploy-api-key',
    name: 'Octopus Deploy API key',
    keywords: ['api-'],
    token: 'API-[A-Z0-9]{26}',
    tail: 'A-Za-z0-9',
    randomFrom: 4,
    example: '`API-` + 26 upper-case alphanumerics',
    description: 'An Octopus Deploy API key: releases, deployments and their sensitive variables.',
    context: ['octopus', 'octopus_api_key'],
  }),
];
