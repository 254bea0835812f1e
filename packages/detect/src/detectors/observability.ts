import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { keyedSecret, prefixedToken } from './keyed-secret.ts';
import { ci, ciAny, re, rep } from './pattern-kit.ts';

const HEX = '[0-9a-f]';
const SEP = '[_.-]?';

/** Datadog API key (32 hex) bound to `DD_API_KEY`, `datadog_api_key` or the `DD-API-KEY` header. */
export const datadogApiKey = keyedSecret({
  id: 'datadog-api-key',
  name: 'Datadog API key',
  severity: 'high',
  keywords: ['datadog', 'dd_api_key', 'dd-api-key', 'ddapikey'],
  key: `(?:${ci('datadog')}|${ci('dd')}${SEP}${ci('api')})`,
  value: rep(HEX, 32),
  description: 'DD_API_KEY and 32 hex.',
});

/** Datadog application key (40 hex) bound to its name. */
export const datadogAppKey = keyedSecret({
  id: 'datadog-app-key',
  name: 'Datadog application key',
  severity: 'high',
  keywords: ['datadog', 'dd_app', 'dd-app', 'ddapp'],
  key: `(?:${ci('datadog')}|${ci('dd')}${SEP}${ci('app')})`,
  value: rep(HEX, 40),
  description: 'DD_APP_KEY and 40 hex.',
});

export const newRelicUserApiKey = prefixedToken({
  id: 'new-relic-user-api-key',
  name: 'New Relic user API key',
  severity: 'high',
  keywords: ['nrak-'],
  pattern: `\\bNRAK-${rep('[A-Za-z0-9]', 27)}\\b`,
  prefixLength: 5,
  contextWords: ['newrelic', 'new_relic', 'api-key'],
  description: 'NRAK- and 27 alphanumerics (upper case today).',
});

export const newRelicBrowserKey = prefixedToken({
  id: 'new-relic-browser-key',
  name: 'New Relic browser API key',
  severity: 'medium',
  keywords: ['nrjs-'],
  pattern: `\\bNRJS-${rep(HEX, 19)}\\b`,
  prefixLength: 5,
  // 19 hex digits often repeat a few: their entropy runs from 2.6 to 4 bits.
  minEntropy: 2.5,
  contextWords: ['newrelic', 'new_relic', 'browser'],
  description: 'NRJS- and 19 hex (sent by browsers, so less secret than the others).',
});

export const newRelicInsertKey = prefixedToken({
  id: 'new-relic-insert-key',
  name: 'New Relic insights insert key',
  severity: 'high',
  keywords: ['nrii-'],
  pattern: `(?:^|[^A-Za-z0-9_-])(NRII-${rep('[A-Za-z0-9_-]', 32)})(?:[^A-Za-z0-9_-]|$)`,
  valueGroup: 1,
  prefixLength: 5,
  contextWords: ['newrelic', 'new_relic', 'insert'],
  description: 'NRII- and 32 base64url characters.',
});

export const newRelicLicenseKey = prefixedToken({
  id: 'new-relic-license-key',
  name: 'New Relic license (ingest) key',
  severity: 'high',
  keywords: ['nral'],
  pattern: `\\b${rep(HEX, 36)}NRAL\\b`,
  prefixLength: 0,
  contextWords: ['newrelic', 'new_relic', 'license'],
  description: '36 hex and NRAL.',
});

/** True when a Sentry organisation token's middle part decodes to its JSON claims. */
function sentryOrgTokenValid(value: string): boolean {
  const body = value.slice('sntrys_'.length, value.lastIndexOf('_'));
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as Record<string, unknown>;
    return typeof claims === 'object' && claims !== null && 'iat' in claims;
  } catch {
    return false;
  }
}

export const sentryOrgToken: Detector = {
  id: 'sentry-org-token',
  validator: 'entropy of the random part',
  example: 'sntrys_ then a base64 payload',
  name: 'Sentry organization auth token',
  category: 'credentials',
  severity: 'high',
  keywords: ['sntrys_'],
  pattern: re(
    `(?:^|[^A-Za-z0-9+/_])(sntrys_eyJ${rep('[A-Za-z0-9+/]', 16, 400)}={0,2}_${rep('[A-Za-z0-9+/]', 43)})`,
  ),
  valueGroup: 1,
  validate: sentryOrgTokenValid,
  contextWords: ['sentry', 'auth_token'],
  baseConfidence: 0.95,
  mask: { keepStart: 10, keepEnd: 4 },
  description: 'sntrys_, base64 JSON claims (iat, url, org) and _ with 43 characters.',
};

/** A Sentry auth token from before the `sntryu_` prefix (64 hex), bound to a Sentry name. */
export const sentryLegacyAuthToken = keyedSecret({
  id: 'sentry-legacy-auth-token',
  name: 'Sentry auth token (unprefixed)',
  severity: 'high',
  keywords: ['sentry'],
  key: ci('sentry'),
  value: rep(HEX, 64),
  description: 'SENTRY_AUTH_TOKEN and 64 hex (tokens made before the sntryu_ prefix).',
});

export const sentryUserToken = prefixedToken({
  id: 'sentry-user-token',
  name: 'Sentry user auth token',
  severity: 'high',
  keywords: ['sntryu_'],
  pattern: `\\bsntryu_${rep(HEX, 64)}\\b`,
  prefixLength: 7,
  contextWords: ['sentry', 'auth_token'],
  description: 'sntryu_ and 64 hex.',
});

/**
 * Sentry DSN with its key (`https://<32 hex>@o1.ingest.sentry.io/2`). The key lets anyone send
 * events to the project (browsers hold it), so it is low severity; a legacy DSN with a secret
 * (`https://key:secret@...`) is reported by url-credentials.
 */
export const sentryDsn: Detector = {
  id: 'sentry-dsn',
  validator: 'key length, ingest host',
  example: 'https://<32 hex>@o<id>.ingest.sentry.io/<project>',
  name: 'Sentry DSN key',
  category: 'credentials',
  severity: 'low',
  keywords: ['sentry'],
  pattern: re(
    `\\bhttps?://(${rep(HEX, 32)})@[A-Za-z0-9.-]{1,16}${rep('[A-Za-z0-9.:-]', 0, 100)}/${rep('[0-9]', 1, 20)}\\b`,
  ),
  valueGroup: 1,
  validate: (value) => looksRandom(value, { minEntropy: 3, minClasses: 1 }),
  contextWords: ['sentry', 'dsn'],
  baseConfidence: 0.8,
  mask: { keepStart: 4, keepEnd: 4 },
  description: 'https://<32 hex>@host/<project id>, where Sentry is named nearby (the host usually).',
};

export const grafanaCloudToken = prefixedToken({
  id: 'grafana-cloud-token',
  name: 'Grafana Cloud API token',
  severity: 'high',
  keywords: ['glc_'],
  pattern: `(?:^|[^A-Za-z0-9+/_])(glc_${rep('[A-Za-z0-9+/]', 32, 400)}={0,3})(?:[^A-Za-z0-9+/=]|$)`,
  valueGroup: 1,
  prefixLength: 4,
  minEntropy: 3.5,
  contextWords: ['grafana', 'loki', 'prometheus'],
  description: 'glc_ and 32 to 400 base64 characters (base64 JSON today).',
});

export const grafanaServiceAccountToken = prefixedToken({
  id: 'grafana-service-account-token',
  name: 'Grafana service account token',
  severity: 'high',
  keywords: ['glsa_'],
  pattern: `\\bglsa_${rep('[A-Za-z0-9]', 32)}_${rep('[A-Fa-f0-9]', 8)}\\b`,
  prefixLength: 5,
  contextWords: ['grafana', 'bearer'],
  description: 'glsa_, 32 alphanumerics, _ and an 8-hex checksum.',
});

/** True when a legacy Grafana API key decodes to its `{"k":...,"n":...,"id":...}` JSON. */
function grafanaApiKeyValid(value: string): boolean {
  try {
    const key = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Record<string, unknown>;
    return typeof key.k === 'string' && key.k.length >= 16 && 'n' in key;
  } catch {
    return false;
  }
}

export const grafanaApiKey: Detector = {
  id: 'grafana-api-key',
  validator: 'decodes to a Grafana key object',
  example: 'eyJrIjoi then base64',
  name: 'Grafana API key (legacy)',
  category: 'credentials',
  severity: 'high',
  keywords: ['eyjrijoi'],
  pattern: re(`(?:^|[^A-Za-z0-9+/_-])(eyJrIjoi${rep('[A-Za-z0-9+/]', 40, 400)}={0,3})(?:[^A-Za-z0-9+/=]|$)`),
  valueGroup: 1,
  validate: grafanaApiKeyValid,
  contextWords: ['grafana', 'bearer'],
  baseConfidence: 0.9,
  mask: { keepStart: 8, keepEnd: 4 },
  description: 'eyJrIjoi: base64 of {"k":"<key>","n":"<name>","id":<org>}.',
};

export const dynatraceApiToken = prefixedToken({
  id: 'dynatrace-api-token',
  name: 'Dynatrace API token',
  severity: 'high',
  keywords: ['dt0c01.', 'dt0s01.', 'dt0s02.', 'dt0a01.'],
  pattern: `\\bdt0[a-z][0-9]{2}\\.${rep('[A-Za-z0-9]', 24)}\\.${rep('[A-Za-z0-9]', 64)}\\b`,
  prefixLength: 7,
  contextWords: ['dynatrace', 'api-token'],
  description: 'dt0c01., 24 and 64 alphanumerics (upper case today) separated by a dot.',
});

export const honeycombApiKey = keyedSecret({
  id: 'honeycomb-api-key',
  name: 'Honeycomb API key',
  severity: 'high',
  keywords: ['honeycomb'],
  key: `(?:${ci('honeycomb')}${SEP}(?:${ciAny(['api', 'write', 'ingest', 'team'])}${SEP})?${ciAny(['key', 'token'])}|${ci('x-honeycomb-team')})`,
  value: `hc[a-z]ik_${rep('[0-9a-z]', 20, 64)}|${rep('[A-Za-z0-9]', 22)}|${rep(HEX, 32)}`,
  description:
    'HONEYCOMB_API_KEY or X-Honeycomb-Team and a 22-character key, 32 hex, or an hcaik_ ingest key.',
});

export const sumoLogicAccessKey = keyedSecret({
  id: 'sumo-logic-access-key',
  name: 'Sumo Logic access key',
  severity: 'high',
  keywords: ['sumo'],
  key: ci('sumo'),
  value: rep('[A-Za-z0-9]', 64),
  description: 'SUMO_ACCESS_KEY and 64 alphanumerics.',
});

/** Sumo Logic access id (`su` and 12): the user half of the access key pair. */
export const sumoLogicAccessId = keyedSecret({
  id: 'sumo-logic-access-id',
  name: 'Sumo Logic access id',
  severity: 'medium',
  keywords: ['sumo'],
  key: ci('sumo'),
  value: `su${rep('[A-Za-z0-9]', 12)}`,
  description:
    "SUMO_ACCESS_ID and su with 12 alphanumerics (the key pair's id; the key is sumo-logic-access-key).",
});

export const pagerdutyApiKey = keyedSecret({
  id: 'pagerduty-api-key',
  name: 'PagerDuty API or integration key',
  severity: 'high',
  keywords: ['pagerduty'],
  key: ci('pagerduty'),
  value: `${rep('[A-Za-z0-9_+-]', 20)}|${rep('[a-z0-9]', 32)}`,
  // PagerDuty's documentation token, assembled so that scanners reading this file do not flag it.
  examples: [['y_NbAkKc66', 'ryYTWUXYEu'].join('')],
  description: 'PAGERDUTY_API_KEY and 20 characters (REST API key) or 32 (Events integration key).',
});

/** PagerDuty Events API v2 routing (integration) key: 32 hex under `routing_key` (Alertmanager, Grafana). */
export const pagerdutyRoutingKey = keyedSecret({
  id: 'pagerduty-routing-key',
  name: 'PagerDuty Events routing key',
  severity: 'high',
  keywords: ['routing_key', 'routing-key', 'routingkey'],
  key: `${ci('routing')}[_-]?${ci('key')}`,
  value: rep('[a-f0-9]', 32),
  contextWords: ['pagerduty', 'pagerduty_configs', 'events', 'alertmanager'],
  description:
    'A PagerDuty Events v2 routing key under routing_key: opens and resolves incidents on the service.',
  example: '`routing_key:` + 32 hex',
});

export const observabilityDetectors: readonly Detector[] = [
  datadogApiKey,
  datadogAppKey,
  newRelicUserApiKey,
  newRelicBrowserKey,
  newRelicInsertKey,
  newRelicLicenseKey,
  sentryOrgToken,
  sentryUserToken,
  sentryLegacyAuthToken,
  sentryDsn,
  grafanaCloudToken,
  grafanaServiceAccountToken,
  grafanaApiKey,
  dynatraceApiToken,
  honeycombApiKey,
  sumoLogicAccessKey,
  sumoLogicAccessId,
  pagerdutyApiKey,
  pagerdutyRoutingKey,
];
