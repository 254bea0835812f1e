import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, pick } from '../random.ts';
import * as v from './blind-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Blind corpus, part 6: package-manager auth files (Yarn, Composer, pip), Terraform variables,
 * an Alembic config, Kafka with PEM material inline, an SSH key pair, a Helm Secret template,
 * and the password hashes of `.htpasswd` and a backed-up `/etc/shadow`, written without
 * reading the detectors.
 */

const CRYPT64 = `./${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWER}`;

/** A terraform.tfvars for a production environment. */
export function terraformTfvars(f: FileBuilder): string {
  const r = f.rng;
  return `environment     = "prod"
region          = "eu-west-1"
vpc_cidr        = "10.40.0.0/16"
private_subnets = ["10.40.1.0/24", "10.40.2.0/24", "10.40.3.0/24"]
instance_type   = "t3.large"
ami_id          = "ami-${chars(r, HEX, 17)}"

db_username = "orders_admin"
db_password = "${f.plant(v.password(r).replace(/["\\$]/g, 'e'), 'password')}"

cloudflare_api_token = "${f.plant(v.cloudflareToken(r), 'api key')}"
cloudflare_zone_id   = "${chars(r, HEX, 32)}"

datadog_api_key = "${f.plant(v.datadogApi(r), 'api key')}"
datadog_app_key = "${f.plant(v.datadogApp(r), 'api key')}"

ssh_public_key = "${v.sshPublic(r, 'terraform@acme')}"
alarm_sns_arn  = "arn:aws:sns:eu-west-1:${v.awsAccount(r)}:ops-alarms"

tags = {
  Owner      = "platform"
  CostCenter = "${chars(r, DIGITS, 4)}"
}
`;
}

/** A Yarn Berry `.yarnrc.yml` with registry credentials. */
export function yarnrc(f: FileBuilder): string {
  const r = f.rng;
  return `nodeLinker: node-modules
enableGlobalCache: true
yarnPath: .yarn/releases/yarn-4.1.1.cjs

npmScopes:
  acme:
    npmRegistryServer: "https://npm.pkg.github.com"
    npmAlwaysAuth: true
    npmAuthToken: ${f.plant(v.githubToken(r), 'github', ['github-token'])}
  acme-internal:
    npmRegistryServer: "https://nexus.acme-widgets.dev/repository/npm-internal/"
    npmAuthIdent: "ci-reader:${f.plant(chars(r, ALNUM, 18), 'password')}"

npmRegistries:
  "https://registry.npmjs.org":
    npmAuthToken: "\${NPM_TOKEN}"
`;
}

/** Composer's auth.json (per project or in COMPOSER_HOME). */
export function composerAuth(f: FileBuilder): string {
  const r = f.rng;
  return `${JSON.stringify(
    {
      'http-basic': {
        'repo.packagist.com': { username: 'token', password: f.plant(chars(r, HEX, 40), 'api key') },
        'satis.acme-widgets.dev': { username: 'deploy', password: f.plant(v.password(r), 'password') },
      },
      'github-oauth': { 'github.com': f.plant(v.githubToken(r), 'github', ['github-token']) },
      'gitlab-token': { 'gitlab.com': f.plant(v.gitlabPat(r), 'gitlab') },
      bearer: { 'composer.acme-widgets.dev': f.plant(chars(r, ALNUM, 48), 'api key') },
    },
    null,
    4,
  )}\n`;
}

/** pip.conf with a private index whose URL carries a deploy token. */
export function pipConf(f: FileBuilder): string {
  const r = f.rng;
  return `[global]
timeout = 60
index-url = https://__token__:${f.plant(`glpat-${chars(r, `${ALNUM}-_`, 20)}`, 'gitlab')}@gitlab.acme-widgets.dev/api/v4/projects/${int(r, 100, 999)}/packages/pypi/simple
extra-index-url = https://pypi.org/simple
trusted-host = gitlab.acme-widgets.dev

[install]
no-cache-dir = false
`;
}

/** Kafka client SSL settings with PEM key and certificates inline (KIP-651), continued with backslashes. */
export function kafkaSslProperties(f: FileBuilder): string {
  const r = f.rng;
  const pem = (kind: string, lines: number) =>
    [
      `-----BEGIN ${kind}-----`,
      ...Array.from({ length: lines }, () => chars(r, BASE64, 64)),
      `${chars(r, BASE64, 40)}==`,
      `-----END ${kind}-----`,
    ].join(' \\\n  ');
  const key = pem('ENCRYPTED PRIVATE KEY', 16);
  const text = `security.protocol=SSL
ssl.keystore.type=PEM
ssl.keystore.key=${key}
ssl.keystore.certificate.chain=${pem('CERTIFICATE', 12)}
ssl.truststore.type=PEM
ssl.truststore.certificates=${pem('CERTIFICATE', 12)}
ssl.key.password=${f.plant(v.password(r), 'password')}
ssl.endpoint.identification.algorithm=https
`;
  f.plantBlock(text, key.split('\n')[0] ?? key, 'private key', ['private-key-pem']);
  return text;
}

/** An OpenSSH ed25519 private key file as `ssh-keygen -t ed25519` writes it. */
export function opensshPrivateKey(f: FileBuilder): string {
  const r = f.rng;
  const body = `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW${chars(r, BASE64, 280)}`;
  const lines = body.match(/.{1,70}/g) ?? [];
  const text = `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
  f.plantBlock(text, '-----BEGIN OPENSSH PRIVATE KEY-----', 'private key', ['private-key-openssh']);
  return text;
}

/** The matching public key (negative). */
export function opensshPublicKey(f: FileBuilder): string {
  return `${v.sshPublic(f.rng, 'deploy@acme-widgets')}\n`;
}

/** A Helm template for a Secret: every value is a template expression (negatives only). */
export function helmSecretTemplate(_f: FileBuilder): string {
  return `apiVersion: v1
kind: Secret
metadata:
  name: {{ include "orders.fullname" . }}-db
  labels:
    {{- include "orders.labels" . | nindent 4 }}
type: Opaque
data:
  username: {{ .Values.db.username | b64enc | quote }}
  password: {{ required "db.password is required" .Values.db.password | b64enc | quote }}
  {{- $existing := lookup "v1" "Secret" .Release.Namespace (printf "%s-db" (include "orders.fullname" .)) }}
  jwt-secret: {{ if $existing }}{{ index $existing.data "jwt-secret" }}{{ else }}{{ randAlphaNum 48 | b64enc | quote }}{{ end }}
stringData:
  DATABASE_URL: "postgres://{{ .Values.db.username }}:{{ .Values.db.password }}@{{ .Values.db.host }}:5432/orders"
  STRIPE_API_KEY: {{ .Values.stripe.apiKey | default "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx" | quote }}
`;
}

/** alembic.ini with the template's commented example URL and a real one below. */
export function alembicIni(f: FileBuilder): string {
  const r = f.rng;
  return `# A generic, single database configuration.

[alembic]
script_location = %(here)s/migrations
prepend_sys_path = .
version_path_separator = os

# sqlalchemy.url = driver://user:pass@localhost/dbname
sqlalchemy.url = postgresql+psycopg2://reports:${f.plant(chars(r, ALNUM, 20), 'database url')}@reports-db.data.internal:5432/reports

[post_write_hooks]
hooks = black
black.type = console_scripts
black.entrypoint = black
black.options = -l 100 REVISION_SCRIPT_FILENAME

[loggers]
keys = root,sqlalchemy,alembic

[logger_root]
level = WARN
handlers = console
qualname =

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;
}

/** An Apache `.htpasswd` with apr1 and bcrypt hashes. */
export function htpasswd(f: FileBuilder): string {
  const r = f.rng;
  const apr1 = `$apr1$${chars(r, CRYPT64, 8)}$${chars(r, CRYPT64, 22)}`;
  const bcrypt = `$2y$05$${chars(r, CRYPT64, 53)}`;
  return `admin:${f.plant(apr1, 'password hash')}
deploy:${f.plant(bcrypt, 'password hash')}
`;
}

/** A backed-up /etc/shadow: SHA-512 and yescrypt hashes beside locked and system accounts. */
export function shadowBackup(f: FileBuilder): string {
  const r = f.rng;
  const sha512 = `$6$${chars(r, CRYPT64, 16)}$${chars(r, CRYPT64, 86)}`;
  const yescrypt = `$y$j9T$${chars(r, CRYPT64, 22)}$${chars(r, CRYPT64, 43)}`;
  const day = () => int(r, 19_000, 20_400);
  return `root:${f.plant(sha512, 'password hash')}:${day()}:0:99999:7:::
daemon:*:${day()}:0:99999:7:::
bin:*:${day()}:0:99999:7:::
sys:*:${day()}:0:99999:7:::
www-data:*:${day()}:0:99999:7:::
sshd:*:${day()}:0:99999:7:::
systemd-network:!*:${day()}::::::
ubuntu:${f.plant(yescrypt, 'password hash')}:${day()}:0:99999:7:::
deploy:!:${day()}:0:99999:7:::
postgres:!${pick(r, ['', '!'])}:${day()}::::::
`;
}
