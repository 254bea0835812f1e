import { ALNUM, chars, LOWER } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const password = (r: Rng) => `${secretChars(r, ALNUM, 10)}${chars(r, '!#%^*', 1)}${chars(r, ALNUM, 3)}`;

export const samples: FamilySamples = {
  'mysql-command-password': {
    truePositives: carried(password, 'mysql', [
      (v) => `mysql -u root -p${v} -h db.internal shop`,
      (v, r) =>
        `0 3 * * * mysqldump --single-transaction -u ${chars(r, LOWER, 6)} -p${v} shop > /backup/shop.sql`,
      (v) => `  - mariadb -uroot -p${v} -e "CREATE DATABASE test"`,
      (v) => `mysql -h db-reports.internal -u report -p'${v}&x' reports`.replace('&x', ''),
    ]),
    nearMisses: [
      'mysql -u root -p shop',
      'mysql -u root -p$MYSQL_ROOT_PASSWORD shop',
      'mkdir -p /var/lib/mysql',
      'mysql -u root -p<password> shop',
    ],
  },
  'curl-user-password': {
    truePositives: carried(password, 'curl', [
      (v, r) => `curl -u ${chars(r, LOWER, 5)}:${v} https://jenkins.internal/api/json`,
      (v) => `curl -s -X POST --user deploy:${v} https://registry.internal/v2/`,
      (v) => `RUN curl -fsSL -u 'ci:${v}' https://nexus.internal/repository/raw/tool.tgz | tar xz`,
      (v) => `curl --user "admin:${v}" -X DELETE https://es.internal:9200/logs-2024.01`,
    ]),
    nearMisses: [
      'curl -u "$USER:$PASS" https://api.example.com',
      'curl -u admin:password https://localhost:8080',
      'curl -u user:<token> https://api.example.com',
      'curl --user-agent mozilla https://example.com',
    ],
  },
};
