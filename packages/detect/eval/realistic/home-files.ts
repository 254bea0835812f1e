import { ALNUM, chars, HEX, int, UPPER } from '../random.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * Files of a home directory and a server's /etc that keep credentials as their tools write
 * them: a shell history, a MySQL option file, s3cmd's config, hub's config and redis.conf.
 */

/** A shell history: passwords on command lines among the commands around them. */
export function bashHistory(f: FileBuilder): string {
  const r = f.rng;
  const db = s.password(r);
  return `ls -la
cd ~/src/shop
git pull --rebase
mkdir -p /var/backups/mysql
mysql -u root -p shop
mysql -u root -p'${f.plant(db, 'password on a command line')}' -h ${f.pii('10.0.4.12', 'ipv4-address')} shop < migrations/0042.sql
docker ps
docker run -d -e POSTGRES_PASSWORD="$PG_PASSWORD" -p 5432:5432 postgres:16
ssh-keygen -t ed25519 -C "deploy@shop"
curl -s -u "$JENKINS_USER:$JENKINS_TOKEN" https://ci.internal/job/shop/api/json
curl -s -u deploy:${f.plant(chars(r, ALNUM, 20), 'password on a command line')} https://ci.internal/job/shop/build -X POST
export SENTRY_AUTH_TOKEN=${f.plant(s.hexToken(r, 64), '64-hex token')}
git commit -am "rotate api_key in settings"
history | grep mysql
`;
}

/** `~/.my.cnf`: the MySQL client's option file. */
export function myCnf(f: FileBuilder): string {
  return `[client]
user=backup
password=${f.plant(s.password(f.rng), 'password')}
host=db-primary.internal

[mysqldump]
single-transaction
quick
`;
}

/** `~/.s3cfg`: s3cmd's configuration, as `s3cmd --configure` writes it. */
export function s3cfg(f: FileBuilder): string {
  const r = f.rng;
  return `[default]
access_key = ${f.plant(s.awsKeyId(r), 'aws key id', ['aws-access-key-id'])}
access_token =
add_encoding_exts =
bucket_location = EU
check_ssl_certificate = True
host_base = s3.amazonaws.com
host_bucket = %(bucket)s.s3.amazonaws.com
secret_key = ${f.plant(s.awsSecret(r), 'aws secret')}
signature_v2 = False
use_https = True
`;
}

/** hub's `~/.config/hub`: a GitHub OAuth token per host. */
export function hubConfig(f: FileBuilder): string {
  return `github.com:
- user: ${chars(f.rng, 'abcdefghijklmnopqrstuvwxyz', 7)}
  oauth_token: ${f.plant(s.hexToken(f.rng), '40-hex token')}
  protocol: https
`;
}

/** A redis.conf with its passwords among the defaults. */
export function redisConf(f: FileBuilder): string {
  const r = f.rng;
  return `bind 127.0.0.1 -::1
protected-mode yes
port 6379
tcp-backlog 511
timeout 0
# requirepass foobared
requirepass ${f.plant(chars(r, ALNUM, 32), 'password')}
masterauth ${f.plant(chars(r, `${ALNUM}${UPPER}`, 24), 'password')}
maxmemory ${int(r, 1, 8)}gb
maxmemory-policy allkeys-lru
appendonly yes
dbfilename dump.rdb
# rename-command CONFIG ${chars(r, HEX, 32)}
`;
}
