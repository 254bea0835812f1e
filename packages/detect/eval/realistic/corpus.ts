import { createRng } from '../random.ts';
import * as bh from './blind-health.ts';
import * as bl from './blind-logs.ts';
import * as bp from './blind-payments.ts';
import * as bc from './blind-personal.ts';
import * as br from './blind-records.ts';
import * as c from './config-files.ts';
import * as d from './data-files.ts';
import * as h from './home-files.ts';
import { FileBuilder, type RealisticFile, type RealisticLabel } from './labels.ts';
import * as o from './ops-files.ts';
import * as p from './platform-files.ts';
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
  ['crm/exports/hubspot-contacts-2024-11-28.csv', 'crm export', bc.hubspotContacts],
  ['marketing/mailchimp/unsubscribed_members_export_2a9c.csv', 'crm export', bc.mailchimpUnsubscribed],
  ['crm/salesforce/report1732783812345.csv', 'crm export', bc.salesforceReport],
  ['hr/workday/worker-national-ids.csv', 'hr export', bc.workdayNationalIds],
  ['hr/payroll/Lohnjournal_2024-11.csv', 'hr export', bc.lohnjournal],
  ['finance/sepa/pain.001.001.03_salaries_2024-11.xml', 'payments', bp.sepaPain001],
  ['finance/statements/MT940_20241130.sta', 'payments', bp.mt940],
  ['payments/stripe/unified_payments_2024-11.csv', 'payments', bp.stripePayments],
  ['payments/paypal/Download.CSV', 'payments', bp.paypalDownload],
  ['shop/exports/orders_export_1.csv', 'shop export', bp.shopifyOrders],
  ['travel/bookings/flight-orders-2024-11.json', 'travel booking', bp.travelOrders],
  ['docs/payments/testing.md', 'negatives only', bp.paymentsTestingDoc],
  ['health/hl7/ADT_A04_20241128.hl7', 'health record', bh.hl7Adt],
  ['health/fhir/patient-bundle.json', 'health record', bh.fhirBundle],
  ['benefits/edi/834_ENROLL_20241201.x12', 'health record', bh.x12Enrollment],
  ['contacts/iCloud vCards.vcf', 'contacts', br.vcards],
  ['calendar/q1-offsite.ics', 'calendar', br.icsInvite],
  ['mail/inbox/Fwd Rechnung RE-2024-118233.eml', 'mail', br.invoiceDisputeEml],
  ['mail/archive/support-2024-11.mbox', 'mail', br.supportMbox],
  ['directory/ldap/people.ldif', 'directory export', br.ldifExport],
  ['backups/etc/shadow', 'system file', br.shadowFile],
  ['backups/var/www/admin/.htpasswd', 'system file', br.htpasswd],
  ['it/ad/ADUsers-2024-11-28.csv', 'directory export', br.adUsersCsv],
  ['support/zendesk/tickets-export.json', 'support export', bl.zendeskTickets],
  ['chat/slack-export/cs-escalations/2024-11-28.json', 'chat log', bl.slackExport],
  ['chat/WhatsApp Chat mit Vermieter.txt', 'chat log', bl.whatsappChat],
  ['logs/nginx/access.log', 'access log', bl.nginxAccessLog],
  ['logs/checkout/checkout-service.jsonl', 'application log', bl.checkoutJsonl],
  ['db/exports/customers.mongoexport.json', 'database export', bl.mongoExport],
  [
    'db/exports/dynamodb/AWSDynamoDB/01732783812345-4f1c9e2a/data/7u2kq5x3.json',
    'database export',
    bl.dynamodbExport,
  ],
  ['search/bulk/customers-reindex.ndjson', 'database export', bl.elasticBulk],
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
