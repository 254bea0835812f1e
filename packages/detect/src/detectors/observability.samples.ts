import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, UPPER } from '../../eval/random.ts';
import { b64, plant } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

function sentryOrgToken(r: Rng): string {
  const claims = JSON.stringify({
    iat: int(r, 1.6e9, 1.8e9) + 0.5,
    url: 'https://sentry.io',
    region_url: 'https://us.sentry.io',
    org: `acme-${chars(r, LOWER, 5)}`,
  });
  return `sntrys_${b64(claims).replace(/=+$/, '')}_${chars(r, `${ALNUM}+/`, 43)}`;
}

function grafanaLegacyKey(r: Rng): string {
  return b64(JSON.stringify({ k: chars(r, ALNUM, 32), n: `ci-${chars(r, LOWER, 6)}`, id: int(r, 1, 999) }));
}

export const samples: FamilySamples = {
  'datadog-api-key': {
    truePositives: [
      (r) => plant('DD_API_KEY', (v) => `DD_API_KEY=${v}`, chars(r, HEX, 32)),
      (r) => plant('datadog_api_key', (v) => `datadog_api_key: "${v}"`, chars(r, HEX, 32)),
      (r) =>
        plant(
          'DD-API-KEY',
          (v) => `curl -H "DD-API-KEY: ${v}" https://api.datadoghq.com/api/v1/validate`,
          chars(r, HEX, 32),
        ),
    ],
    nearMisses: ['DD_API_KEY=<DATADOG_API_KEY>', 'DD_SITE=datadoghq.eu', `DD_API_KEY=\${DD_API_KEY}`],
  },
  'datadog-app-key': {
    truePositives: [
      (r) => plant('DD_APP_KEY', (v) => `DD_APP_KEY=${v}`, chars(r, HEX, 40)),
      (r) => plant('ddAppKey', (v) => `<ddAppKey>${v}</ddAppKey>`, chars(r, HEX, 40)),
      (r) => plant('datadog_application_key', (v) => `datadog_application_key = "${v}"`, chars(r, HEX, 40)),
    ],
    nearMisses: [`DD_APP_KEY=\${DD_APP_KEY}`, 'datadog_app_key: ""'],
  },
  'new-relic-user-api-key': {
    truePositives: [
      (r) =>
        plant('NEW_RELIC_API_KEY', (v) => `NEW_RELIC_API_KEY=${v}`, `NRAK-${chars(r, UPPER + DIGITS, 27)}`),
      (r) => plant('api_key', (v) => `newrelic:\n  api_key: ${v}`, `NRAK-${chars(r, UPPER + DIGITS, 27)}`),
    ],
    nearMisses: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', (r) => `NRAK-${chars(r, UPPER, 12)}`],
  },
  'new-relic-browser-key': {
    truePositives: [
      (r) =>
        plant(
          'licenseKey',
          (v) => `NREUM.loader_config={accountID:"${chars(r, DIGITS, 7)}",licenseKey:"${v}"}`,
          `NRJS-${chars(r, HEX, 19)}`,
        ),
      (r) => plant('NEW_RELIC_BROWSER_KEY', (v) => `NEW_RELIC_BROWSER_KEY=${v}`, `NRJS-${chars(r, HEX, 19)}`),
    ],
    nearMisses: ['licenseKey:"NRJS-xxxxxxxxxxxxxxxxxxx"', (r) => `NRJS-${chars(r, HEX, 12)}`],
  },
  'new-relic-insert-key': {
    truePositives: [
      (r) =>
        plant(
          'NEW_RELIC_INSERT_KEY',
          (v) => `NEW_RELIC_INSERT_KEY=${v}`,
          `NRII-${chars(r, `${ALNUM}-_`, 32)}`,
        ),
      (r) => plant('X-Insert-Key', (v) => `X-Insert-Key: ${v}`, `NRII-${chars(r, ALNUM, 32)}`),
    ],
    nearMisses: ['X-Insert-Key: NRII-YOUR_INSERT_KEY', 'X-Insert-Key: NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
  'new-relic-license-key': {
    truePositives: [
      (r) => plant('NEW_RELIC_LICENSE_KEY', (v) => `NEW_RELIC_LICENSE_KEY=${v}`, `${chars(r, HEX, 36)}NRAL`),
      (r) =>
        plant(
          'license_key',
          (v) => `common: &default_settings\n  license_key: '${v}'`,
          `${chars(r, HEX, 36)}NRAL`,
        ),
    ],
    nearMisses: [
      'license_key: 0000000000000000000000000000000000000NRAL',
      'The NRAL suffix marks ingest license keys.',
    ],
  },
  'sentry-org-token': {
    truePositives: [
      (r) => plant('SENTRY_AUTH_TOKEN', (v) => `SENTRY_AUTH_TOKEN=${v}`, sentryOrgToken(r)),
      (r) => plant('auth.token', (v) => `[auth]\ntoken=${v}`, sentryOrgToken(r)),
    ],
    nearMisses: [
      (r) => `sentry-cli --auth-token sntrys_${chars(r, BASE64, 80)}_${chars(r, ALNUM, 43)} releases list`,
      'SENTRY_AUTH_TOKEN=sntrys_....',
    ],
  },
  'sentry-user-token': {
    truePositives: [
      (r) => plant('SENTRY_AUTH_TOKEN', (v) => `SENTRY_AUTH_TOKEN=${v}`, `sntryu_${chars(r, HEX, 64)}`),
      (r) =>
        plant(
          'authToken',
          (v) => `sentryWebpackPlugin({ authToken: "${v}" })`,
          `sntryu_${chars(r, HEX, 64)}`,
        ),
    ],
    nearMisses: [
      (r) => `sntryu_${chars(r, HEX, 40)} is too short for a user token`,
      'sntryu_ tokens are user auth tokens',
    ],
  },
  'sentry-legacy-auth-token': {
    truePositives: [
      (r) => plant('SENTRY_AUTH_TOKEN', (v) => `SENTRY_AUTH_TOKEN=${v}`, chars(r, HEX, 64)),
      (r) => plant('sentry_token', (v) => `[auth]\nsentry_token = ${v}`, chars(r, HEX, 64)),
    ],
    nearMisses: [(r) => `SENTRY_RELEASE=${chars(r, HEX, 40)}`, 'SENTRY_AUTH_TOKEN=<auth token>'],
  },
  'sentry-dsn': {
    truePositives: [
      (r) =>
        plant(
          'SENTRY_DSN',
          (v) => `SENTRY_DSN=https://${v}@o${chars(r, DIGITS, 6)}.ingest.sentry.io/${chars(r, DIGITS, 7)}`,
          chars(r, HEX, 32),
        ),
      (r) =>
        plant(
          'dsn',
          (v) =>
            `Sentry.init({ dsn: "https://${v}@o${chars(r, DIGITS, 6)}.ingest.us.sentry.io/${chars(r, DIGITS, 7)}" });`,
          chars(r, HEX, 32),
        ),
    ],
    nearMisses: [
      'SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0',
      'dsn: "https://public@sentry.example.com/1"',
    ],
  },
  'grafana-cloud-token': {
    truePositives: [
      (r) =>
        plant(
          'GRAFANA_CLOUD_TOKEN',
          (v) => `GRAFANA_CLOUD_TOKEN=${v}`,
          `glc_${b64(JSON.stringify({ o: chars(r, DIGITS, 6), n: `stack-${chars(r, DIGITS, 6)}-hm-read`, k: chars(r, ALNUM, 24), m: { r: 'prod-eu-west-0' } }))}`,
        ),
      (r) =>
        plant(
          'password',
          (v) => `basic_auth:\n  username: ${chars(r, DIGITS, 6)}\n  password: ${v}`,
          `glc_${chars(r, ALNUM, 40)}`,
        ),
    ],
    nearMisses: [
      'GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'static void GLC_CreateLightmapTextureArray(void);',
    ],
  },
  'grafana-service-account-token': {
    truePositives: [
      (r) =>
        plant(
          'GRAFANA_TOKEN',
          (v) => `GRAFANA_TOKEN=${v}`,
          `glsa_${chars(r, ALNUM, 32)}_${chars(r, HEX, 8)}`,
        ),
      (r) =>
        plant(
          'Authorization',
          (v) => `'Authorization': 'Bearer ${v}'`,
          `glsa_${chars(r, ALNUM, 32)}_${chars(r, HEX, 8)}`,
        ),
    ],
    nearMisses: [
      'glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA',
      (r) => `glsa_${chars(r, ALNUM, 20)}_${chars(r, HEX, 8)}`,
    ],
  },
  'grafana-api-key': {
    truePositives: [
      (r) => plant('GRAFANA_API_KEY', (v) => `GRAFANA_API_KEY=${v}`, grafanaLegacyKey(r)),
      (r) => plant('Authorization', (v) => `Authorization: Bearer ${v}`, grafanaLegacyKey(r)),
    ],
    nearMisses: [
      (r) => `grafana eyJrIjoi${chars(r, ALNUM, 70)} does not decode`,
      'GRAFANA_API_KEY=eyJrIjoiWU9VUl9LRVkifQ==',
    ],
  },
  'dynatrace-api-token': {
    truePositives: [
      (r) =>
        plant(
          'DT_API_TOKEN',
          (v) => `DT_API_TOKEN=${v}`,
          `dt0c01.${chars(r, UPPER + DIGITS, 24)}.${chars(r, UPPER + DIGITS, 64)}`,
        ),
      (r) =>
        plant(
          'Authorization',
          (v) => `Authorization: Api-Token ${v}`,
          `dt0c01.${chars(r, UPPER + DIGITS, 24)}.${chars(r, UPPER + DIGITS, 64)}`,
        ),
    ],
    nearMisses: [
      'DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      (r) => `dt0c01.${chars(r, UPPER + DIGITS, 24)}`,
    ],
  },
  'honeycomb-api-key': {
    truePositives: [
      (r) => plant('HONEYCOMB_API_KEY', (v) => `HONEYCOMB_API_KEY=${v}`, chars(r, ALNUM, 22)),
      (r) =>
        plant(
          'x-honeycomb-team',
          (v) => `OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${v}"`,
          chars(r, ALNUM, 22),
        ),
      (r) => plant('honeycomb_write_key', (v) => `honeycomb_write_key: ${v}`, chars(r, HEX, 32)),
    ],
    nearMisses: ['HONEYCOMB_API_KEY=your-honeycomb-api-key', 'HONEYCOMB_DATASET=production-frontend'],
  },
  'sumo-logic-access-key': {
    truePositives: [
      (r) => plant('SUMO_ACCESS_KEY', (v) => `SUMO_ACCESS_KEY=${v}`, chars(r, ALNUM, 64)),
      (r) => plant('sumologic_access_key', (v) => `sumologic_access_key = "${v}"`, chars(r, ALNUM, 64)),
      (r) => plant('sumoToken', (v) => `var sumoToken string = "${v}"`, chars(r, ALNUM, 64)),
    ],
    nearMisses: ['SUMO_ACCESS_KEY: AbCeFG123', `SUMO_ACCESS_KEY=\${SUMO_ACCESS_KEY}`],
  },
  'sumo-logic-access-id': {
    truePositives: [
      (r) => plant('SUMO_ACCESS_ID', (v) => `SUMO_ACCESS_ID=${v}`, `su${chars(r, ALNUM, 12)}`),
      (r) => plant('sumologic.accessId', (v) => `sumologic.accessId = "${v}"`, `su${chars(r, ALNUM, 12)}`),
    ],
    nearMisses: ['sumOfExposures = sumOfExposures;', 'export SUMOLOGIC_ACCESSID=XXXXXXXXXXXXXX'],
  },
  'pagerduty-api-key': {
    truePositives: [
      (r) => plant('PAGERDUTY_API_KEY', (v) => `PAGERDUTY_API_KEY=${v}`, `u+${chars(r, `${ALNUM}_-`, 18)}`),
      (r) =>
        plant('pagerduty_integration_key', (v) => `pagerduty_integration_key: "${v}"`, chars(r, HEX, 32)),
    ],
    nearMisses: [`pagerduty_token: ${['y_NbAkKc66', 'ryYTWUXYEu'].join('')}`, 'PAGERDUTY_SERVICE_ID=PXXXXXX'],
  },
  'pagerduty-routing-key': {
    truePositives: [
      (r) =>
        plant(
          'routing_key',
          (v) =>
            `receivers:\n  - name: pagerduty-critical\n    pagerduty_configs:\n      - routing_key: ${v}`,
          chars(r, HEX, 32),
        ),
      (r) => plant('routingKey', (v) => `"routingKey": "${v}"`, chars(r, HEX, 32)),
    ],
    nearMisses: ['routing_key: orders.created.v1', 'channel.publish(exchange, routing_key="invoice.paid")'],
  },
};
