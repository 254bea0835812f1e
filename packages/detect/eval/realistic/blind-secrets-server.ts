import { ALNUM, chars, DIGITS, HEX, int, LOWER, UPPER } from '../random.ts';
import * as v from './blind-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Blind corpus, part 3: server and application settings (Grafana, Alertmanager, Kafka, Kibana,
 * Airflow, Superset, Symfony, Next.js, an Android project), written from the tools' own
 * documentation without reading the detectors. Documented defaults, file references and
 * public keys stay unlabelled.
 */

const noUrlChars = (s: string) => s.replace(/[@:/?#%]/g, 'm');

/** grafana.ini with its database, admin, OAuth, SMTP and S3 image storage sections. */
export function grafanaIni(f: FileBuilder): string {
  const r = f.rng;
  const dbPass = `${chars(r, ALNUM, 10)}#${chars(r, ALNUM, 8)}`;
  return `##################### Grafana Configuration #####################
app_mode = production
instance_name = grafana-prod

[paths]
data = /var/lib/grafana
logs = /var/log/grafana

[server]
protocol = https
http_port = 3000
domain = grafana.acme-widgets.dev
root_url = %(protocol)s://%(domain)s/
cert_file = /etc/grafana/tls/tls.crt
cert_key = /etc/grafana/tls/tls.key

[database]
type = postgres
host = ${f.pii('10.30.1.15', 'ipv4-address')}:5432
name = grafana
user = grafana
# If the password contains # or ; you have to wrap it with triple quotes.
password = """${f.plant(dbPass, 'password')}"""
ssl_mode = require

[security]
admin_user = admin
admin_password = ${f.plant(v.password(r).replace(/^[#;]/, 'p'), 'password')}
;secret_key = SW2YcwTIb9zpOOhoPsMm
secret_key = ${f.plant(chars(r, ALNUM, 20), 'framework key')}
cookie_secure = true
disable_gravatar = true

[auth.github]
enabled = true
allow_sign_up = true
client_id = Iv1.${chars(r, HEX, 16)}
client_secret = ${f.plant(chars(r, HEX, 40), 'oauth client secret')}
scopes = user:email,read:org
allowed_organizations = acme-widgets

[auth.generic_oauth]
enabled = false
client_secret = $__file{/etc/grafana/secrets/oauth_client_secret}

[smtp]
enabled = true
host = smtp.sendgrid.net:587
user = apikey
password = ${f.plant(v.sendgrid(r), 'api key')}
from_address = ${f.pii('grafana@acme-widgets.dev', 'email')}
from_name = Grafana

[external_image_storage]
provider = s3

[external_image_storage.s3]
bucket = acme-grafana-images
region = eu-west-1
access_key = ${f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])}
secret_key = ${f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])}

[log]
mode = console file
level = info
`;
}

/** alertmanager.yml: global SMTP and Slack settings, PagerDuty, Opsgenie, Telegram and a webhook. */
export function alertmanagerYml(f: FileBuilder): string {
  const r = f.rng;
  const from = f.pii('alertmanager@acme-widgets.dev', 'email');
  return `global:
  resolve_timeout: 5m
  smtp_smarthost: 'smtp.office365.com:587'
  smtp_from: '${from}'
  smtp_auth_username: '${from}'
  smtp_auth_password: '${f.plant(v.password(r), 'password')}'
  smtp_require_tls: true
  slack_api_url: '${f.plant(v.slackWebhook(r), 'slack webhook')}'
  opsgenie_api_key: ${f.plant(v.uuid4(r), 'api key')}

templates:
  - '/etc/alertmanager/templates/*.tmpl'

route:
  receiver: team-platform
  group_by: ['alertname', 'cluster']
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
  routes:
    - matchers: [severity="critical"]
      receiver: pagerduty-critical
    - matchers: [team="web"]
      receiver: team-web
    - matchers: [team="payments"]
      receiver: telegram-payments

receivers:
  - name: team-platform
    email_configs:
      - to: '${f.pii('platform-alerts@acme-widgets.dev', 'email')}'
        send_resolved: true
  - name: pagerduty-critical
    pagerduty_configs:
      - routing_key: ${f.plant(v.pagerdutyRouting(r), 'api key')}
        severity: '{{ if .CommonLabels.severity }}{{ .CommonLabels.severity | toLower }}{{ else }}critical{{ end }}'
  - name: team-web
    slack_configs:
      - api_url_file: /etc/alertmanager/secrets/slack-web-url
        channel: '#web-alerts'
        title: '{{ template "slack.default.title" . }}'
        send_resolved: true
  - name: telegram-payments
    telegram_configs:
      - bot_token: '${f.plant(v.telegramBot(r), 'api key')}'
        chat_id: -100${chars(r, DIGITS, 10)}
        parse_mode: HTML
  - name: incident-bridge
    webhook_configs:
      - url: http://incident-bridge.monitoring.svc:9095/alerts
        http_config:
          basic_auth:
            username: alertmanager
            password: '${f.plant(v.password(r), 'password')}'

inhibit_rules:
  - source_matchers: [severity="critical"]
    target_matchers: [severity="warning"]
    equal: ['alertname', 'cluster']
`;
}

/** Kafka broker server.properties with keystore passwords and an inline PLAIN JAAS config. */
export function kafkaServerProperties(f: FileBuilder): string {
  const r = f.rng;
  const admin = chars(r, ALNUM, 24);
  return `############################# Server Basics #############################
broker.id=1
############################# Socket Server Settings #############################
listeners=SASL_SSL://:9093,PLAINTEXT://127.0.0.1:9092
advertised.listeners=SASL_SSL://kafka-1.data.internal:9093
listener.security.protocol.map=SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=SASL_SSL
num.network.threads=3
num.io.threads=8
############################# SSL #############################
ssl.keystore.type=JKS
ssl.keystore.location=/var/private/ssl/kafka.server.keystore.jks
ssl.keystore.password=${f.plant(v.password(r), 'password')}
ssl.key.password=${f.plant(v.password(r), 'password')}
ssl.truststore.location=/var/private/ssl/kafka.server.truststore.jks
ssl.truststore.password=changeit
ssl.client.auth=required
############################# SASL #############################
sasl.enabled.mechanisms=PLAIN
sasl.mechanism.inter.broker.protocol=PLAIN
listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
    username="admin" \\
    password="${f.plant(admin, 'password')}" \\
    user_admin="${admin}" \\
    user_orders="${f.plant(chars(r, ALNUM, 24), 'password')}";
authorizer.class.name=kafka.security.authorizer.AclAuthorizer
super.users=User:admin
############################# Log Basics #############################
log.dirs=/var/lib/kafka/data
num.partitions=6
log.retention.hours=168
zookeeper.connect=zk-1.data.internal:2181,zk-2.data.internal:2181/kafka
zookeeper.connection.timeout.ms=18000
`;
}

/** A JAAS file for brokers (SCRAM, Kerberos keytab, ZooKeeper digest). */
export function kafkaJaas(f: FileBuilder): string {
  const r = f.rng;
  return `KafkaServer {
    org.apache.kafka.common.security.scram.ScramLoginModule required
    username="broker"
    password="${f.plant(v.password(r).replace(/["\\]/g, 'w'), 'password')}";
};

KafkaClient {
    com.sun.security.auth.module.Krb5LoginModule required
    useKeyTab=true
    storeKey=true
    keyTab="/etc/security/keytabs/kafka_client.keytab"
    principal="kafka-client-1@DATA.ACME.LOCAL";
};

Client {
    org.apache.zookeeper.server.auth.DigestLoginModule required
    username="kafka"
    password="${f.plant(chars(r, ALNUM, 16), 'password')}";
};
`;
}

/** A Confluent Cloud client.properties as the console's "Configure a client" page prints it. */
export function confluentClientProperties(f: FileBuilder): string {
  const r = f.rng;
  const key = chars(r, `${UPPER}${DIGITS}`, 16);
  return `# Required connection configs for Kafka producer, consumer, and admin
bootstrap.servers=pkc-${chars(r, `${LOWER}${DIGITS}`, 5)}.eu-west-1.aws.confluent.cloud:9092
security.protocol=SASL_SSL
sasl.mechanisms=PLAIN
sasl.username=${key}
sasl.password=${f.plant(chars(r, `${ALNUM}+/`, 64), 'api key')}

# Best practice for higher availability in librdkafka clients prior to 1.7
session.timeout.ms=45000

# Required connection configs for Confluent Cloud Schema Registry
schema.registry.url=https://psrc-${chars(r, `${LOWER}${DIGITS}`, 5)}.eu-central-1.aws.confluent.cloud
basic.auth.credentials.source=USER_INFO
basic.auth.user.info=${chars(r, `${UPPER}${DIGITS}`, 16)}:${f.plant(chars(r, `${ALNUM}+/`, 64), 'api key')}
`;
}

/** kibana.yml with the system user password, encryption keys and a service account token. */
export function kibanaYml(f: FileBuilder): string {
  const r = f.rng;
  const serviceToken = Buffer.from(`elastic/kibana/kibana-prod:${chars(r, `${ALNUM}-_`, 22)}`).toString(
    'base64',
  );
  return `server.port: 5601
server.host: "0.0.0.0"
server.publicBaseUrl: "https://kibana.acme-widgets.dev"
server.ssl.enabled: true
server.ssl.certificate: /etc/kibana/certs/kibana.crt
server.ssl.key: /etc/kibana/certs/kibana.key

elasticsearch.hosts: ["https://es-1.data.internal:9200", "https://es-2.data.internal:9200"]
elasticsearch.username: "kibana_system"
elasticsearch.password: "${f.plant(v.password(r), 'password')}"
#elasticsearch.serviceAccountToken: "my_token"
elasticsearch.serviceAccountToken: "${f.plant(serviceToken.replace(/=+$/, ''), 'api key')}"
elasticsearch.ssl.certificateAuthorities: ["/etc/kibana/certs/ca.crt"]
elasticsearch.ssl.verificationMode: full

xpack.security.encryptionKey: "${f.plant(chars(r, ALNUM, 32), 'encryption key')}"
xpack.encryptedSavedObjects.encryptionKey: "${f.plant(v.opensslHex(r, 16), 'encryption key')}"
xpack.reporting.encryptionKey: "${f.plant(v.opensslHex(r, 16), 'encryption key')}"
xpack.fleet.agents.elasticsearch.hosts: ["https://es-1.data.internal:9200"]

logging:
  appenders:
    file:
      type: file
      fileName: /var/log/kibana/kibana.log
      layout:
        type: json
  root:
    appenders: [default, file]
`;
}

/** airflow.cfg: fernet key, metadata DB and Celery URLs, webserver secret and SMTP password. */
export function airflowCfg(f: FileBuilder): string {
  const r = f.rng;
  const dbPass = noUrlChars(v.password(r));
  const redisPass = chars(r, ALNUM, 32);
  return `[core]
dags_folder = /opt/airflow/dags
hostname_callable = airflow.utils.net.getfqdn
default_timezone = utc
executor = CeleryExecutor
parallelism = 32
load_examples = False
fernet_key = ${f.plant(v.fernetKey(r), 'encryption key')}

[database]
sql_alchemy_conn = postgresql+psycopg2://airflow:${f.plant(dbPass, 'database url')}@airflow-db.data.internal:5432/airflow
sql_alchemy_pool_size = 5

[logging]
base_log_folder = /opt/airflow/logs
remote_logging = True
remote_base_log_folder = s3://acme-airflow-logs/prod
remote_log_conn_id = aws_default

[secrets]
backend = airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend
backend_kwargs = {"connections_prefix": "airflow/connections", "variables_prefix": "airflow/variables"}

[webserver]
base_url = https://airflow.acme-widgets.dev
web_server_port = 8080
secret_key = ${f.plant(v.opensslHex(r, 16), 'framework key')}
expose_config = False

[smtp]
smtp_host = smtp.mailgun.org
smtp_starttls = True
smtp_port = 587
smtp_user = ${f.pii('airflow@mg.acme-widgets.dev', 'email')}
smtp_password = ${f.plant(v.mailgunKey(r), 'api key')}
smtp_mail_from = ${f.pii('airflow@acme-widgets.dev', 'email')}

[celery]
broker_url = redis://:${f.plant(redisPass, 'database url')}@airflow-redis.data.internal:6379/0
result_backend = db+postgresql://airflow:${dbPass}@airflow-db.data.internal:5432/airflow
worker_concurrency = 16

[api]
auth_backends = airflow.api.auth.backend.basic_auth,airflow.api.auth.backend.session
`;
}

/** superset_config.py: SECRET_KEY, metadata DB URI, OAuth client secret, env lookups. */
export function supersetConfig(f: FileBuilder): string {
  const r = f.rng;
  return `import os

from flask_appbuilder.security.manager import AUTH_OAUTH

ROW_LIMIT = 5000
SUPERSET_WEBSERVER_PORT = 8088

# Generate with: openssl rand -base64 42
SECRET_KEY = "${f.plant(v.opensslBase64(r, 42), 'framework key')}"

SQLALCHEMY_DATABASE_URI = "postgresql://superset:${f.plant(noUrlChars(v.password(r)), 'database url')}@superset-db:5432/superset"
SQLALCHEMY_TRACK_MODIFICATIONS = True

CACHE_CONFIG = {
    "CACHE_TYPE": "RedisCache",
    "CACHE_DEFAULT_TIMEOUT": 300,
    "CACHE_KEY_PREFIX": "superset_",
    "CACHE_REDIS_URL": "redis://superset-redis:6379/1",
}

MAPBOX_API_KEY = os.getenv("MAPBOX_API_KEY", "")
SMTP_HOST = "email-smtp.eu-west-1.amazonaws.com"
SMTP_USER = "${f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])}"
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")

AUTH_TYPE = AUTH_OAUTH
OAUTH_PROVIDERS = [
    {
        "name": "google",
        "icon": "fa-google",
        "token_key": "access_token",
        "remote_app": {
            "client_id": "${chars(r, DIGITS, 12)}-${chars(r, `${LOWER}${DIGITS}`, 32)}.apps.googleusercontent.com",
            "client_secret": "${f.plant(v.googleClientSecret(r), 'oauth client secret')}",
            "api_base_url": "https://www.googleapis.com/oauth2/v2/",
            "client_kwargs": {"scope": "email profile"},
            "access_token_url": "https://accounts.google.com/o/oauth2/token",
            "authorize_url": "https://accounts.google.com/o/oauth2/auth",
        },
    }
]
AUTH_USER_REGISTRATION = True
AUTH_USER_REGISTRATION_ROLE = "Gamma"
FEATURE_FLAGS = {"ALERT_REPORTS": True, "DASHBOARD_RBAC": True}
`;
}

/** A Symfony `.env.local` (the one that must not be committed). */
export function symfonyEnvLocal(f: FileBuilder): string {
  const r = f.rng;
  return `###> symfony/framework-bundle ###
APP_ENV=prod
APP_SECRET=${f.plant(v.opensslHex(r, 16), 'framework key')}
###< symfony/framework-bundle ###

###> doctrine/doctrine-bundle ###
DATABASE_URL="mysql://shop:${f.plant(noUrlChars(v.password(r)), 'database url')}@127.0.0.1:3306/shop?serverVersion=8.0.32&charset=utf8mb4"
###< doctrine/doctrine-bundle ###

###> symfony/messenger ###
MESSENGER_TRANSPORT_DSN=doctrine://default?auto_setup=0
###< symfony/messenger ###

###> symfony/mailer ###
MAILER_DSN=smtp://apikey:${f.plant(v.sendgrid(r), 'api key')}@smtp.sendgrid.net:587
###< symfony/mailer ###

###> lexik/jwt-authentication-bundle ###
JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem
JWT_PUBLIC_KEY=%kernel.project_dir%/config/jwt/public.pem
JWT_PASSPHRASE=${f.plant(v.opensslHex(r, 32), 'password')}
###< lexik/jwt-authentication-bundle ###

###> symfony/lock ###
LOCK_DSN=flock
###< symfony/lock ###
`;
}

function supabaseJwt(f: FileBuilder, ref: string, role: string): string {
  const r = f.rng;
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = int(r, 1_700_000_000, 1_730_000_000);
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ iss: 'supabase', ref, role, iat, exp: iat + 315_360_000 })}.${chars(r, `${ALNUM}-_`, 43)}`;
}

/** A Next.js `.env.local`: public `NEXT_PUBLIC_` values beside server-only secrets. */
export function nextEnvLocal(f: FileBuilder): string {
  const r = f.rng;
  const ref = chars(r, LOWER, 20);
  return `# Public (inlined into the browser bundle)
NEXT_PUBLIC_SITE_URL=https://shop.acme-widgets.dev
NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${v.stripePublishable(r)}
NEXT_PUBLIC_POSTHOG_KEY=phc_${chars(r, ALNUM, 43)}
NEXT_PUBLIC_POSTHOG_HOST=https://eu.i.posthog.com
NEXT_PUBLIC_SUPABASE_URL=https://${ref}.supabase.co
NEXT_PUBLIC_SUPABASE_ANON_KEY=${supabaseJwt(f, ref, 'anon')}

# Server only
SUPABASE_SERVICE_ROLE_KEY=${f.plant(supabaseJwt(f, ref, 'service_role'), 'jwt')}
DATABASE_URL="postgresql://postgres.${ref}:${f.plant(chars(r, ALNUM, 16), 'database url')}@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?pgbouncer=true"
STRIPE_SECRET_KEY=${f.plant(v.stripeLive(r), 'stripe')}
STRIPE_WEBHOOK_SECRET=${f.plant(v.stripeWebhook(r), 'stripe webhook')}
NEXTAUTH_URL=http://localhost:3000
NEXTAUTH_SECRET=${f.plant(v.opensslBase64(r, 32), 'framework key')}
GITHUB_ID=Ov23li${chars(r, ALNUM, 14)}
GITHUB_SECRET=${f.plant(chars(r, HEX, 40), 'oauth client secret')}
OPENAI_API_KEY=${f.plant(v.openaiProject(r), 'api key')}
RESEND_API_KEY=${f.plant(`re_${chars(r, ALNUM, 8)}_${chars(r, ALNUM, 24)}`, 'api key')}
`;
}

/** An Android project's local.properties: SDK path, a Maps key and release signing passwords. */
export function androidLocalProperties(f: FileBuilder): string {
  const r = f.rng;
  return `## This file is automatically generated by Android Studio.
# Do not modify this file -- YOUR CHANGES WILL BE ERASED!
#
# This file should *NOT* be checked into Version Control Systems,
# as it contains information specific to your local configuration.
#
# Location of the SDK. This is only used by Gradle.
sdk.dir=/Users/mkowalski/Library/Android/sdk
MAPS_API_KEY=${f.plant(v.googleApiKey(r), 'google api key')}
RELEASE_STORE_FILE=../keystores/release.jks
RELEASE_STORE_PASSWORD=${f.plant(v.password(r), 'password')}
RELEASE_KEY_ALIAS=upload
RELEASE_KEY_PASSWORD=${f.plant(v.password(r), 'password')}
`;
}
