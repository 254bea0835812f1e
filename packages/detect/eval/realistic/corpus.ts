import { createRng } from '../random.ts';
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
