import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { TRUE_VALUES } from '../../eval/values.ts';
import { detectors } from '../../src/detectors/index.ts';
import { findingFor, scan } from './helpers.ts';

const standalone = detectors.filter((d) => !d.requireContext && (d.contextWords ?? []).length > 0);

/** True values of a detector: the eval's generator, else its family samples. */
const generatorOf = (id: string) => TRUE_VALUES[id];

/**
 * Lines without and with a context word for detectors whose value cannot stand alone (it needs
 * its key name, URL or armour around it); the others use `ref <value>` and `<word> <value>`.
 */
const CARRIERS: Record<string, (value: string) => [plain: string, withWord: string]> = {
  'aws-secret-access-key': (v) => [`secret_access_key = ${v}`, `aws secret_access_key = ${v}`],
  'gcp-service-account': (v) => [
    `{"private_key_id": "${v}"}`,
    `{"private_key_id": "${v}", "client_email": "x"}`,
  ],
  'azure-storage-connection-string': (v) => [
    `AccountName=demo;AccountKey=${v}`,
    `AccountName=demo;AccountKey=${v};EndpointSuffix=core.windows.net`,
  ],
  'url-credentials': (v) => [
    `postgres://app:${v}@db.internal.corp/app`,
    `dsn postgres://app:${v}@db.internal.corp/app`,
  ],
  'http-basic-auth': (v) => [`ref Basic ${v}`, `Authorization: Basic ${v}`],
  'generic-secret': (v) => [`passwd = "${v}"`, `credential passwd = "${v}"`],
  'mysql-command-password': (v) => [`mysql -u app -p${v} shop`, `backup mysql -u app -p${v} shop`],
  'curl-user-password': (v) => [
    `curl -u ci:${v} https://ci.internal`,
    `api curl -u ci:${v} https://ci.internal`,
  ],
  'docker-login-password': (v) => [
    `docker login -p ${v} registry.internal`,
    `docker login -p ${v} deploy.internal`,
  ],
  'openvpn-static-key': (v) => [v, `tls-auth ${v}`],
  'server-command-password': (v) => [
    `redis-server --requirepass ${v}`,
    `redis-server --requirepass ${v} # compose`,
  ],
  'password-in-prose': (v) => [
    `Password for the customer portal: ${v}`,
    `Password for the customer portal: ${v} (reset)`,
  ],
  'pagerduty-routing-key': (v) => [`routing_key: ${v}`, `pagerduty routing_key: ${v}`],
  'user-info-password': (v) => [
    `basic.auth.user.info=K7QXWD2M:${v}`,
    `basic.auth.user.info=K7QXWD2M:${v} # confluent`,
  ],
  'filezilla-password': (v) => [
    `<Pass encoding="base64">${v}</Pass>`,
    `<User>u</User><Pass encoding="base64">${v}</Pass>`,
  ],
  'kafka-jaas-user-password': (v) => [
    `password="x1-y2" user_app="${v}"`,
    `password="x1-y2" user_app="${v}" # jaas`,
  ],
  'composer-auth-token': (v) => [
    `{"bearer": {"h.example.org": "${v}"}}`,
    `{"bearer": {"h.example.org": "${v}"}} # composer`,
  ],
  'session-cookie': (v) => [`Cookie: lang=en; theme=dark; tz=UTC; sessionid=${v}`, `Cookie: sessionid=${v}`],
  'command-line-password': (v) => [`sshpass -p ${v} ssh app@host`, `deploy sshpass -p ${v} ssh app@host`],
  'cisco-type7-password': (v) => [`password 7 ${v}`, `username x password 7 ${v}`],
  'snmp-community-string': (v) => [`snmp-server community ${v} RO`, `router snmp-server community ${v} RO`],
  'generic-key': (v) => [`FIREBASE_KEY = "${v}"`, `license FIREBASE_KEY = "${v}"`],
  'private-key-putty': (v) => [`Private-Lines: 8\n${v}\n`, `ppk\nPrivate-Lines: 8\n${v}\n`],
  // The keyword gate names the provider somewhere in the file; only a word near the value raises.
  'adyen-api-key': (v) => [
    `adyen:\n  # checkout settings for every region\n  apiKey: ${v}`,
    `adyen apiKey: ${v}`,
  ],
  'gocardless-access-token': (v) => [
    `gocardless:\n  # payment settings for every region\n  token: ${v}`,
    `gocardless token: ${v}`,
  ],
  'mollie-api-key': (v) => [
    `mollie:\n  # payment settings for every region\n  key: ${v}`,
    `mollie key: ${v}`,
  ],
  'mailgun-api-key': (v) => [`# mail settings for every region here\nMG_API_KEY=${v}`, `mailgun key: ${v}`],
  'vault-legacy-token': (v) => [
    `vault:\n  # address settings for every region\n  value: ${v}`,
    `vault value: ${v}`,
  ],
  'sentry-dsn': (v) => [
    `# sentry settings for the workers and the api\nERROR_URL=https://${v}@errors.internal/42`,
    `SENTRY_DSN=https://${v}@errors.internal/42`,
  ],
  'connection-string-password': (v) => [
    `Host=db;Database=app;Username=app;Password=${v}`,
    `connection Host=db;Password=${v}`,
  ],
  'docker-registry-auth': (v) => [`{"auth": "${v}"}`, `{"auths":{"x":{"auth":"${v}"}}}`],
  'netrc-password': (v) => [
    `machine github.example.com login someone.long.name password ${v}`,
    `machine h login u password ${v}`,
  ],
  'windows-unattend-password': (v) => [
    `<Password>\n  <Value>${v}</Value>\n</Password>`,
    `<AutoLogon><Password><Value>${v}</Value>`,
  ],
  'gpp-cpassword': (v) => [`<X action="U" cpassword="${v}"/>`, `<Properties cpassword="${v}"/>`],
  'erlang-cookie': (v) => [`ERLANG_COOKIE=${v}`, `rabbitmq erlangCookie: ${v}`],
  'magento-crypt-key': (v) => [`'crypt' => ['key' => '${v}'],`, `magento 'crypt' => ['key' => '${v}'],`],
  'postfix-sasl-password': (v) => [`[mail.example.org]:587 u:${v}`, `# sasl\n[smtp.example.org]:587 u:${v}`],
  'jenkins-encrypted-secret': (v) => [`<token>{${v}}</token>`, `<password>{${v}}</password>`],
  'pgpass-password': (v) => [`db.example.internal:5432:app:app_user:${v}`, `db:5432:postgres:app_user:${v}`],
  'django-secret-key': (v) => [`SECRET_KEY = '${v}'`, `DJANGO_SECRET_KEY = '${v}'`],
  'flask-secret-key': (v) => [`server.secret_key = '${v}'`, `app.secret_key = '${v}'`],
  'rails-secret-key-base': (v) => [`SECRET_KEY_BASE=${v}`, `rails SECRET_KEY_BASE=${v}`],
  'laravel-app-key': (v) => [`cipher=${v}`, `APP_KEY=${v}`],
  'wordpress-salt': (v) => [`define('NONCE_SALT', '${v}');`, `define('NONCE_SALT', '${v}'); // wordpress`],
  'php-define-password': (v) => [`define('SMTP_PASS', '${v}');`, `define('DB_PASSWORD', '${v}');`],
  'symfony-app-secret': (v) => [`APP_SECRET=${v}`, `symfony APP_SECRET=${v}`],
  // Found where their keyword is near (inside the prefilter window), raised where it is close.
  'discord-bot-token': (v) => [`discord ${FAR} ${v}`, `discord ${v}`],
  'asana-access-token': (v) => [`asana ${FAR} ${v}`, `asana ${v}`],
  'airtable-personal-access-token': (v) => [`airtable ${FAR} ${v}`, `airtable ${v}`],
  'mattermost-webhook-url': (v) => [`mattermost ${FAR} ${v}`, `mattermost ${FAR} webhook ${v}`],
  'azure-sas-token': (v) => [`token ${v}`, `sas ${v}`],
  'azure-shared-access-key': (v) => [`SharedAccessKey=${v}`, `endpoint=sb;SharedAccessKey=${v}`],
  'npm-legacy-auth-token': (v) => [`_authToken=${v}`, `//registry.npmjs.org/:_authToken=${v}`],
  'npmrc-auth': (v) => [`_auth=${v}`, `//registry.example.org/:_auth=${v}`],
  // An HL7 PID-7 birth date stands without a word; a birth word beside a date raises it.
  'date-of-birth': (v) => [`PID|1||MR123456^^^MERCY^MR||DOE^JANE^Q||${v}|F`, `patient DOB: ${v}`],
  // A travel document's number stands a few members below its PASSPORT type; a label raises it.
  'passport-number': (v) => [
    `{"documentType": "PASSPORT", "issuanceLocation": "Mumbai", "number": "${v}"}`,
    `Passport No: ${v}`,
  ],
};

/** Filler that puts a keyword outside the context span (30 characters) but inside its window. */
const FAR = '.'.repeat(40);

/** Detectors whose every key name holds one of their context words: each finding is raised. */
const NAMED_BY_CONTEXT: Record<string, (value: string) => string> = {
  'azure-storage-key': (v) => `storage_key = ${v}`,
  'twilio-auth-token': (v) => `TWILIO_AUTH_TOKEN=${v}`,
  'oracle-connection-password': (v) => `jdbc:oracle:thin:app/${v}@db:1521/svc`,
  'rails-master-key': (v) => `RAILS_MASTER_KEY=${v}`,
  'spring-password': (v) => `spring.datasource.password=${v}`,
  'kubernetes-secret-data': (v) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  password: ${v}`,
  'azure-devops-legacy-pat': (v) => `AZURE_DEVOPS_EXT_PAT=${v}`,
  'cohere-api-key': (v) => `COHERE_API_KEY=${v}`,
  'mistral-api-key': (v) => `MISTRAL_API_KEY=${v}`,
  'alibaba-access-key-secret': (v) => `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${v}`,
  'ibm-cloud-api-key': (v) => `IBMCLOUD_API_KEY=${v}`,
  'oracle-cloud-secret': (v) => `OCI_AUTH_TOKEN=${v}`,
  'linode-api-token': (v) => `LINODE_TOKEN=${v}`,
  'hetzner-api-token': (v) => `HCLOUD_TOKEN=${v}`,
  'scaleway-secret-key': (v) => `SCW_SECRET_KEY=${v}`,
  'cloudflare-api-token': (v) => `CLOUDFLARE_API_TOKEN=${v}`,
  'cloudflare-global-api-key': (v) => `CLOUDFLARE_API_KEY=${v}`,
  'heroku-legacy-api-key': (v) => `HEROKU_API_KEY=${v}`,
  'vercel-access-token': (v) => `VERCEL_TOKEN=${v}`,
  'netlify-legacy-access-token': (v) => `NETLIFY_AUTH_TOKEN=${v}`,
  'atlassian-legacy-api-token': (v) => `JIRA_API_TOKEN=${v}`,
  'circleci-legacy-token': (v) => `CIRCLE_TOKEN=${v}`,
  'travis-ci-token': (v) => `TRAVIS_TOKEN=${v}`,
  'codecov-token': (v) => `CODECOV_TOKEN=${v}`,
  'snyk-token': (v) => `SNYK_TOKEN=${v}`,
  'mattermost-access-token': (v) => `MATTERMOST_TOKEN=${v}`,
};

function carrier(id: string, value: string, text: string, word: string): [string, string] {
  const custom = CARRIERS[id];
  if (custom) return custom(value);
  // Multi-line values (PEM armour and body) keep their planted text; the word goes before it.
  if (value.includes('\n')) return [text, `${word} ${text}`];
  return [`ref ${value}`, `${word} ${value}`];
}

describe('a context word next to a value raises its confidence', () => {
  it.each(standalone.filter((d) => !NAMED_BY_CONTEXT[d.id]).map((d) => [d.id, d] as const))(
    '%s',
    async (id, d) => {
      const generate = generatorOf(id);
      if (!generate) throw new Error(`no generator for ${id}`);
      const rng = createRng(31337);
      const word = d.contextWords?.[0] ?? '';
      let compared = 0;
      for (let i = 0; i < 12 && compared < 3; i++) {
        const { value, text } = generate(rng);
        const [plainText, wordText] = carrier(id, value, text, word);
        const plain = findingFor(await scan(`${plainText}\n`), id, value);
        if (!plain) continue;
        const withWord = findingFor(await scan(`${wordText}\n`), id, value);
        expect(withWord?.confidence, `${id} with "${word}"`).toBeGreaterThan(plain.confidence);
        compared++;
      }
      expect(compared, `${id}: no value was found without a context word`).toBeGreaterThan(0);
    },
  );

  it.each(Object.keys(NAMED_BY_CONTEXT))(
    '%s: its key names carry the context, so findings are raised',
    async (id) => {
      const d = detectors.find((x) => x.id === id)!;
      const { value } = generatorOf(id)!(createRng(31337));
      const finding = findingFor(await scan(`${NAMED_BY_CONTEXT[id]!(value)}\n`), id, value);
      expect(finding?.confidence).toBeCloseTo(Math.min(1, d.baseConfidence + 0.15), 2);
    },
  );
});
