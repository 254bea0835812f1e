import { createRng } from '../random.ts';
import * as ph from './blind-health.ts';
import * as pl from './blind-logs.ts';
import * as pp from './blind-payments.ts';
import * as pc from './blind-personal.ts';
import * as pr from './blind-records.ts';
import * as bc from './blind-secrets-ci.ts';
import * as bx from './blind-secrets-extra.ts';
import * as bh from './blind-secrets-home.ts';
import * as bl from './blind-secrets-logs.ts';
import * as bs from './blind-secrets-server.ts';
import * as bv from './blind-secrets-vaults.ts';
import * as c from './config-files.ts';
import * as d from './data-files.ts';
import * as h from './home-files.ts';
import { FileBuilder, type RealisticFile, type RealisticLabel } from './labels.ts';
import * as o from './ops-files.ts';
import * as p from './platform-files.ts';
import * as n from './repo-negatives.ts';
import * as t from './table-files.ts';
import * as w from './windows-files.ts';

type Writer = (f: FileBuilder) => string;

/** Every realistic file: its path (the reader is picked by the name), its kind, its writer. */
const FILES: readonly [string, string, Writer][] = [
  ['home/.bashrc', 'shell profile', c.bashrc],
  ['home/.zshrc', 'shell profile', c.zshrc],
  ['shop/settings.py', 'framework settings', c.djangoSettings],
  ['blog/config/secrets.yml', 'framework settings', c.railsSecrets],
  ['blog/config/database.yml', 'framework settings', c.railsDatabase],
  ['portal/.env', 'framework settings', c.laravelEnv],
  ['wordpress/wp-config.php', 'framework settings', c.wpConfig],
  ['orders/src/main/resources/application.yml', 'framework settings', c.springYaml],
  ['billing/src/main/resources/application.properties', 'framework settings', c.springProperties],
  ['inventory/appsettings.json', 'framework settings', c.appsettingsJson],
  ['legacy/web.config', 'framework settings', c.webConfig],
  ['home/.bash_history', 'shell history', h.bashHistory],
  ['home/.my.cnf', 'credential file', h.myCnf],
  ['home/.s3cfg', 'credential file', h.s3cfg],
  ['home/.config/hub', 'credential file', h.hubConfig],
  ['etc/redis/redis.conf', 'server config', h.redisConf],
  ['home/.npmrc', 'credential file', p.npmrc],
  ['home/.netrc', 'credential file', p.netrc],
  ['home/.pgpass', 'credential file', p.pgpass],
  ['home/.docker/config.json', 'credential file', p.dockerConfig],
  ['deploy/payments-secret.yaml', 'kubernetes', p.kubeSecret],
  ['home/.kube/config', 'kubernetes', p.kubeconfig],
  ['deploy/redis/values.yaml', 'kubernetes', p.helmValues],
  ['infra/terraform.tfstate', 'terraform state', p.terraformState],
  ['deploy/orders/deployment.yaml', 'kubernetes', o.k8sDeployment],
  ['infra/ecs/billing-api.task.json', 'container config', o.ecsTaskDefinition],
  ['scripts/deploy.sh', 'ci', o.deployScript],
  ['network/core-sw-01.cfg', 'network device', o.ciscoConfig],
  ['etc/wpa_supplicant/wpa_supplicant.conf', 'server config', o.wpaSupplicant],
  ['etc/ldap.conf', 'server config', o.ldapConf],
  ['home/corp.ovpn', 'credential file', o.openvpnProfile],
  ['ansible/inventory.ini', 'server config', o.ansibleInventory],
  ['etc/postfix/sasl_passwd', 'server config', o.postfixSaslPasswd],
  ['etc/postfix/main.cf', 'negatives only', o.postfixMainCf],
  ['deploy/rabbitmq/values.yaml', 'kubernetes', o.rabbitmqValues],
  ['shop/app/etc/env.php', 'framework settings', o.magentoEnvPhp],
  ['deploy/autounattend.xml', 'windows admin', w.unattendXml],
  ['sysvol/Policies/Groups/Groups.xml', 'windows admin', w.gppGroups],
  ['jenkins/credentials.xml', 'ci', w.jenkinsCredentials],
  ['backups/C/Windows/Panther/unattend.xml', 'negatives only', w.pantherUnattend],
  ['.github/workflows/deploy.yml', 'ci', d.githubActions],
  ['.gitlab-ci.yml', 'ci', d.gitlabCi],
  ['Jenkinsfile', 'ci', d.jenkinsfile],
  ['backups/portal.sql', 'sql dump', d.sqlDump],
  ['logs/orders.log', 'application log', d.appLog],
  ['captures/session.har', 'har', d.harFile],
  ['notebooks/analysis.ipynb', 'notebook', d.notebook],
  ['exports/customers.csv', 'csv export', d.csvExport],
  ['backups/portal-pg.sql', 'sql dump', t.pgDump],
  ['backups/shop.sql', 'sql dump', t.mysqlDump],
  ['exports/admin-users.csv', 'csv export', t.adminUsersCsv],
  ['exports/api-clients.tsv', 'csv export', t.apiClientsTsv],
  ['logs/audit.jsonl', 'application log', t.auditJsonl],
  ['web/package-lock.json', 'negatives only', d.packageLock],
  ['.secrets.baseline', 'negatives only', d.secretsBaseline],
  ['web/index.html', 'negatives only', d.indexHtml],
  ['tests/test_uploader.py', 'negatives only', d.awsFixture],
  ['README.md', 'negatives only', d.readme],
  ['svc/go.sum', 'negatives only', d.goSum],
  ['portal/.env.example', 'negatives only', d.envExample],
  ['web/src/locales/en.json', 'negatives only', d.translations],
  ['web/src/orders-client.ts', 'negatives only', d.clientSource],
  ['.travis.yml', 'ci', bc.travisYml],
  ['.circleci/config.yml', 'ci', bc.circleciConfig],
  ['bitbucket-pipelines.yml', 'ci', bc.bitbucketPipelines],
  ['azure-pipelines.yml', 'ci', bc.azurePipelines],
  ['shop/docker-compose.yml', 'container config', bc.dockerCompose],
  ['reports/Dockerfile', 'container config', bc.dockerfile],
  ['notifications/serverless.yml', 'cloud template', bc.serverlessYml],
  ['infra/cfn/prod-params.json', 'cloud template', bc.cfnParameters],
  ['reports/template.yaml', 'cloud template', bc.samTemplate],
  ['ansible/group_vars/all.yml', 'server config', bv.ansibleGroupVars],
  ['ansible/group_vars/prod/vault.yml', 'negatives only', bv.ansibleVaultFile],
  ['deploy/payments/secrets.enc.yaml', 'negatives only', bv.sopsEncrypted],
  ['deploy/payments/secrets.dec.yaml', 'kubernetes', bv.sopsDecrypted],
  ['etc/grafana/grafana.ini', 'server config', bs.grafanaIni],
  ['etc/alertmanager/alertmanager.yml', 'server config', bs.alertmanagerYml],
  ['kafka/config/server.properties', 'server config', bs.kafkaServerProperties],
  ['kafka/config/kafka_server_jaas.conf', 'server config', bs.kafkaJaas],
  ['ingest/client.properties', 'credential file', bs.confluentClientProperties],
  ['etc/kibana/kibana.yml', 'server config', bs.kibanaYml],
  ['airflow/airflow.cfg', 'framework settings', bs.airflowCfg],
  ['superset/superset_config.py', 'framework settings', bs.supersetConfig],
  ['shop-api/.env.local', 'framework settings', bs.symfonyEnvLocal],
  ['storefront/.env.local', 'framework settings', bs.nextEnvLocal],
  ['android/local.properties', 'framework settings', bs.androidLocalProperties],
  ['home/.aws/credentials', 'credential file', bh.awsCredentials],
  ['home/.aws/config', 'negatives only', bh.awsConfig],
  ['home/.config/gh/hosts.yml', 'credential file', bh.ghHosts],
  ['home/.git-credentials', 'credential file', bh.gitCredentials],
  ['home/.pypirc', 'credential file', bh.pypirc],
  ['home/.config/rclone/rclone.conf', 'credential file', bh.rcloneConf],
  ['home/.m2/settings.xml', 'credential file', bh.mavenSettings],
  ['home/.nuget/NuGet/NuGet.Config', 'credential file', bh.nugetConfig],
  ['home/.gradle/gradle.properties', 'credential file', bh.gradleProperties],
  ['home/.gem/credentials', 'credential file', bh.gemCredentials],
  ['home/.cargo/credentials.toml', 'credential file', bh.cargoCredentials],
  ['home/.terraform.d/credentials.tfrc.json', 'credential file', bh.terraformCredentials],
  ['home/.vault-token', 'credential file', bh.vaultToken],
  ['home/.config/gcloud/application_default_credentials.json', 'credential file', bh.gcloudAdc],
  ['home/azure/sp-deploy.json', 'credential file', bh.azureSdkAuth],
  ['home/AppData/Roaming/FileZilla/sitemanager.xml', 'client config', bh.filezillaSites],
  ['home/AppData/Roaming/WinSCP.ini', 'client config', bh.winscpIni],
  ['shop/sftp-config.json', 'client config', bh.sublimeSftpConfig],
  ['home/.config/Code/User/settings.json', 'client config', bh.vscodeSettings],
  ['logs/nginx/access.log', 'application log', bl.nginxAccessLog],
  ['logs/orders-api/stdout.log', 'application log', bl.javaStackTrace],
  ['logs/reports-worker/celery.log', 'application log', bl.pythonTraceback],
  ['cloudtrail/AWSLogs/eu-west-1/2026/12/01/trail_20261201T0415Z.json', 'negatives only', bl.cloudTrailLog],
  ['exports/slack/ops/2026-12-01.json', 'chat export', bl.slackExport],
  ['docs/runbooks/restore-orders-db.md', 'documentation', bl.runbookMarkdown],
  ['api/requests.http', 'api client', bl.httpRequestsFile],
  ['postman/acme-prod.postman_environment.json', 'api client', bl.postmanEnvironment],
  ['home/.zsh_history', 'shell history', bl.zshHistory],
  ['infra/envs/prod/terraform.tfvars', 'cloud template', bx.terraformTfvars],
  ['web/.yarnrc.yml', 'credential file', bx.yarnrc],
  ['shop/auth.json', 'credential file', bx.composerAuth],
  ['home/.config/pip/pip.conf', 'credential file', bx.pipConf],
  ['kafka/config/client-ssl.properties', 'server config', bx.kafkaSslProperties],
  ['deploy/keys/deploy_ed25519', 'credential file', bx.opensshPrivateKey],
  ['deploy/keys/deploy_ed25519.pub', 'negatives only', bx.opensshPublicKey],
  ['deploy/chart/templates/secret.yaml', 'negatives only', bx.helmSecretTemplate],
  ['reports/alembic.ini', 'framework settings', bx.alembicIni],
  ['web/.htpasswd', 'credential file', bx.htpasswd],
  ['backups/etc/shadow', 'credential file', bx.shadowBackup],
  ['crm/exports/hubspot-contacts-2024-11-28.csv', 'crm export', pc.hubspotContacts],
  ['marketing/mailchimp/unsubscribed_members_export_2a9c.csv', 'crm export', pc.mailchimpUnsubscribed],
  ['crm/salesforce/report1732783812345.csv', 'crm export', pc.salesforceReport],
  ['hr/workday/worker-national-ids.csv', 'hr export', pc.workdayNationalIds],
  ['hr/payroll/Lohnjournal_2024-11.csv', 'hr export', pc.lohnjournal],
  ['finance/sepa/pain.001.001.03_salaries_2024-11.xml', 'payments', pp.sepaPain001],
  ['finance/statements/MT940_20241130.sta', 'payments', pp.mt940],
  ['payments/stripe/unified_payments_2024-11.csv', 'payments', pp.stripePayments],
  ['payments/paypal/Download.CSV', 'payments', pp.paypalDownload],
  ['shop/exports/orders_export_1.csv', 'shop export', pp.shopifyOrders],
  ['travel/bookings/flight-orders-2024-11.json', 'travel booking', pp.travelOrders],
  ['docs/payments/testing.md', 'negatives only', pp.paymentsTestingDoc],
  ['health/hl7/ADT_A04_20241128.hl7', 'health record', ph.hl7Adt],
  ['health/fhir/patient-bundle.json', 'health record', ph.fhirBundle],
  ['benefits/edi/834_ENROLL_20241201.x12', 'health record', ph.x12Enrollment],
  ['contacts/iCloud vCards.vcf', 'contacts', pr.vcards],
  ['calendar/q1-offsite.ics', 'calendar', pr.icsInvite],
  ['mail/inbox/Fwd Rechnung RE-2024-118233.eml', 'mail', pr.invoiceDisputeEml],
  ['mail/archive/support-2024-11.mbox', 'mail', pr.supportMbox],
  ['directory/ldap/people.ldif', 'directory export', pr.ldifExport],
  ['backups/db-02/etc/shadow', 'system file', pr.shadowFile],
  ['backups/var/www/admin/.htpasswd', 'system file', pr.htpasswd],
  ['it/ad/ADUsers-2024-11-28.csv', 'directory export', pr.adUsersCsv],
  ['support/zendesk/tickets-export.json', 'support export', pl.zendeskTickets],
  ['chat/slack-export/cs-escalations/2024-11-28.json', 'chat log', pl.slackExport],
  ['chat/WhatsApp Chat mit Vermieter.txt', 'chat log', pl.whatsappChat],
  ['logs/shop-nginx/access.log', 'access log', pl.nginxAccessLog],
  ['logs/checkout/checkout-service.jsonl', 'application log', pl.checkoutJsonl],
  ['db/exports/customers.mongoexport.json', 'database export', pl.mongoExport],
  [
    'db/exports/dynamodb/AWSDynamoDB/01732783812345-4f1c9e2a/data/7u2kq5x3.json',
    'database export',
    pl.dynamodbExport,
  ],
  ['search/bulk/customers-reindex.ndjson', 'database export', pl.elasticBulk],
  ['build/gdb/testsuite/gdb.log', 'negatives only', n.dejagnuLog],
  ['vendor/gnupg/ChangeLog', 'negatives only', n.gnuChangeLog],
  ['usr/share/doc/libc6/changelog.Debian', 'negatives only', n.debianChangelog],
  ['etc/postgresql/15/main/pg_hba.conf', 'negatives only', n.postgresConf],
  ['etc/X11/rgb.txt', 'negatives only', n.rgbTxt],
  ['jdk/conf/management/management.properties', 'negatives only', n.managementProperties],
  ['share/man/man1/openssl-verify.1', 'negatives only', n.manPage],
  ['include/c++/bits/regex_scanner.tcc', 'negatives only', n.cppHeader],
  ['vendor/js/bundle.js', 'negatives only', n.libraryJs],
  ['lib/python3.11/zipfile.py', 'negatives only', n.pythonLib],
  ['vendor/harfbuzz/git-log.txt', 'negatives only', n.fuzzerLog],
];

/** The realistic corpus: files as real systems write them, and what each truly holds. */
export interface RealisticCorpus {
  files: RealisticFile[];
  labels: RealisticLabel[];
}

/**
 * Writes every realistic file from one seeded generator (values are generated, nothing real),
 * recording the planted values; a PEM key or other multi-line value is labelled by its line.
 */
export function buildRealisticCorpus(seed = 20261207): RealisticCorpus {
  const rng = createRng(seed);
  const files: RealisticFile[] = [];
  const labels: RealisticLabel[] = [];
  for (const [name, fileKind, write] of FILES) {
    const builder = new FileBuilder(name, rng);
    const text = write(builder);
    for (const l of builder.labels) {
      if (!text.includes(l.value)) throw new Error(`label of ${name} is not in its text`);
    }
    files.push({ name, fileKind, text });
    labels.push(...builder.labels);
  }
  return { files, labels };
}
