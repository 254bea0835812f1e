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
  'docker-login-password': {
    truePositives: carried(password, 'docker', [
      (v) => `      - docker login -u ci -p ${v} registry.gitlab.example.com`,
      (v) => `echo building && docker login --username deploy --password '${v}' harbor.internal`,
      (v) => `podman login -u robot$ci --password=${v} quay.io`,
      (v) => `helm registry login -u ci -p "${v}" registry.internal`,
    ]),
    nearMisses: [
      'docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" $CI_REGISTRY',
      'echo "$TOKEN" | docker login ghcr.io -u bot --password-stdin',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Actions expression is the input
      'docker login -u ${{ github.actor }} -p ${{ secrets.GITHUB_TOKEN }} ghcr.io',
      'docker login -u user -p <password> registry.example.com',
    ],
  },
  'command-line-password': {
    truePositives: carried(password, 'sshpass', [
      (v) => `sshpass -p '${v}' ssh -o StrictHostKeyChecking=no app-01.internal 'sudo systemctl restart app'`,
      (v) => `redis-cli -h cache.internal -a ${v} --no-auth-warning INFO`,
      (v) => `mongosh --host db.internal --authenticationDatabase admin -u admin -p ${v}`,
      (v) => `mongodump --host db.internal --username backup --password "${v}" --out /backup`,
    ]),
    nearMisses: [
      'sshpass -p "$SSHPASS" ssh deploy@host',
      'sshpass -e ssh deploy@host',
      'redis-cli -a $REDIS_PASSWORD ping',
      'mongosh -u admin -p',
    ],
  },
  'server-command-password': {
    truePositives: carried(password, 'command', [
      (v) => `    command: redis-server --appendonly yes --requirepass "${v}"`,
      (v) => `ExecStart=/usr/bin/redis-server /etc/redis/redis.conf --masterauth ${v}`,
      (v) => `htpasswd -nbB admin '${v}' >> /etc/nginx/.htpasswd`,
      (v) => `htpasswd -b /etc/nginx/.htpasswd deploy ${v}`,
    ]),
    nearMisses: [
      'command: redis-server --requirepass "$REDIS_PASSWORD"',
      'htpasswd -c /etc/nginx/.htpasswd admin',
      'redis-server --port 6380 --appendonly yes',
    ],
  },
};
