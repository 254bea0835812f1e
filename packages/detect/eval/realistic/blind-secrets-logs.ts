import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, pick, UPPER } from '../random.ts';
import * as v from './blind-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Blind corpus, part 5: logs, chat exports, runbooks and API client files, where secrets are
 * pasted, logged or echoed rather than configured. Request ids, hashes, ARNs, public GPG
 * fingerprints and vendor example keys stay unlabelled.
 */

function publicIp(f: FileBuilder): string {
  const r = f.rng;
  return f.pii(
    `${pick(r, [31, 46, 77, 81, 89, 91, 109, 178, 185, 212])}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`,
    'ipv4-address',
  );
}

/** An nginx access log (combined format) with tokens in query strings. */
export function nginxAccessLog(f: FileBuilder): string {
  const r = f.rng;
  const ua = [
    '"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"',
    '"python-requests/2.32.3"',
    '"curl/8.5.0"',
    '"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15"',
  ];
  const t = (s: number) =>
    `[01/Dec/2026:09:${String(14 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} +0000]`;
  const line = (s: number, req: string, status: number, bytes: number, ref = '-') =>
    `${publicIp(f)} - - ${t(s)} "${req}" ${status} ${bytes} "${ref}" ${pick(r, ua)}`;
  const accessToken = f.plant(chars(r, ALNUM, 40), 'token in url');
  return `${[
    line(3, 'GET / HTTP/2.0', 200, 5321),
    line(
      4,
      `GET /static/js/main.${chars(r, HEX, 8)}.js HTTP/2.0`,
      200,
      184233,
      'https://shop.acme-widgets.dev/',
    ),
    line(9, `GET /api/v1/reports/export?format=csv&access_token=${accessToken} HTTP/1.1`, 200, 88231),
    line(12, `GET /api/v1/reports/export?format=xlsx&access_token=${accessToken} HTTP/1.1`, 200, 90412),
    line(20, `POST /hooks/deploy?token=${f.plant(v.opensslHex(r, 20), 'token in url')} HTTP/1.1`, 202, 17),
    line(
      31,
      `GET /password/reset?token=${f.plant(v.opensslHex(r, 32), 'token in url')}&lang=en HTTP/2.0`,
      200,
      2210,
    ),
    line(
      44,
      `GET /api/v2/orders?api_key=${f.plant(chars(r, ALNUM, 32), 'token in url')}&since=2026-11-30 HTTP/1.1`,
      200,
      1203,
    ),
    line(47, `GET /assets/logo.svg?v=${chars(r, HEX, 7)} HTTP/2.0`, 304, 0),
    line(58, `GET /oauth/callback?code=${chars(r, ALNUM, 20)}&state=${chars(r, ALNUM, 16)} HTTP/2.0`, 302, 0),
    line(61, 'GET /wp-login.php HTTP/1.1', 404, 153),
    line(75, `GET /api/v1/orders/${v.uuid4(r)} HTTP/2.0`, 200, 934),
    line(80, 'GET /healthz HTTP/1.1', 200, 2),
  ].join('\n')}\n`;
}

/** A Spring Boot service's stdout: a failed pool start with JDBC URLs that carry passwords. */
export function javaStackTrace(f: FileBuilder): string {
  const r = f.rng;
  const pid = int(r, 1, 99);
  return `  .   ____          _            __ _ _
 /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\
( ( )\\___ | '_ | '_| | '_ \\/ _\` | \\ \\ \\ \\
 \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )
  '  |____| .__|_| |_|_| |_\\__, | / / / /
 =========|_|==============|___/=/_/_/_/
 :: Spring Boot ::                (v3.2.4)

2026-12-01T03:14:06.981Z  INFO ${pid} --- [           main] c.a.orders.OrdersApplication             : Starting OrdersApplication v2.14.0 using Java 21.0.2 with PID ${pid}
2026-12-01T03:14:07.402Z DEBUG ${pid} --- [           main] com.zaxxer.hikari.HikariConfig           : jdbcUrl.........................jdbc:postgresql://orders-db.data.internal:5432/orders?user=orders&password=${f.plant(chars(r, ALNUM, 22), 'database url')}&sslmode=require
2026-12-01T03:14:07.402Z DEBUG ${pid} --- [           main] com.zaxxer.hikari.HikariConfig           : password........................<masked>
2026-12-01T03:14:07.403Z DEBUG ${pid} --- [           main] com.zaxxer.hikari.HikariConfig           : username........................"orders"
2026-12-01T03:14:07.412Z ERROR ${pid} --- [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.

org.postgresql.util.PSQLException: FATAL: password authentication failed for user "orders"
\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693) ~[postgresql-42.7.3.jar!/:42.7.3]
\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:203) ~[postgresql-42.7.3.jar!/:42.7.3]
\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:258) ~[postgresql-42.7.3.jar!/:42.7.3]
\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:562) ~[HikariCP-5.0.1.jar!/:na]
\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1354) ~[spring-boot-3.2.4.jar!/:3.2.4]

2026-12-01T03:14:07.518Z  WARN ${pid} --- [           main] s.c.a.AnnotationConfigApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'billingDataSource': Failed to obtain JDBC Connection: jdbc:sqlserver://mssql-01.corp.local:1433;databaseName=Billing;user=billing_app;password=${f.plant(v.password(r).replace(/[;=]/g, 'v'), 'database url')};encrypt=true;trustServerCertificate=true
Caused by: com.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user 'billing_app'. ClientConnectionId:${v.uuid4(r)}
\tat com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDatabaseError(SQLServerException.java:270) ~[mssql-jdbc-12.6.1.jre11.jar!/:na]
\tat com.microsoft.sqlserver.jdbc.TDSTokenHandler.onEOF(tdsparser.java:329) ~[mssql-jdbc-12.6.1.jre11.jar!/:na]
\t... 42 common frames omitted
2026-12-01T03:14:07.530Z  INFO ${pid} --- [           main] .s.b.a.l.ConditionEvaluationReportLogger : Error starting ApplicationContext. To display the condition evaluation report re-run your application with 'debug' enabled.
`;
}

/** A Celery worker's error log: a KeyError traceback followed by a dump of os.environ. */
export function pythonTraceback(f: FileBuilder): string {
  const r = f.rng;
  const env: [string, string][] = [
    ['PATH', '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', `worker-${chars(r, `${LOWER}${DIGITS}`, 9)}-${chars(r, `${LOWER}${DIGITS}`, 5)}`],
    ['LANG', 'C.UTF-8'],
    ['GPG_KEY', '7169605F62C751356D054A26A821E680E5FA6305'],
    ['PYTHON_VERSION', '3.12.2'],
    ['PYTHON_SHA256', chars(r, HEX, 64)],
    ['AWS_REGION', 'eu-west-1'],
    ['AWS_ACCESS_KEY_ID', f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])],
    ['AWS_SECRET_ACCESS_KEY', f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])],
    [
      'CELERY_BROKER_URL',
      `amqp://worker:${f.plant(chars(r, ALNUM, 24), 'database url')}@rabbitmq.data.internal:5672//`,
    ],
    ['SENTRY_DSN', v.sentryDsn(r)],
    ['HF_TOKEN', f.plant(`hf_${chars(r, `${UPPER}${LOWER}`, 34)}`, 'api key')],
    ['KUBERNETES_SERVICE_HOST', f.pii('172.20.0.1', 'ipv4-address')],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['HOME', '/root'],
  ];
  const environ = env.map(([k, val]) => `'${k}': '${val}'`).join(', ');
  return `[2026-12-01 04:00:12,118: INFO/MainProcess] Connected to amqp://worker:**@rabbitmq.data.internal:5672//
[2026-12-01 04:00:12,130: INFO/MainProcess] mingle: searching for neighbors
[2026-12-01 04:00:13,201: ERROR/ForkPoolWorker-2] Task reports.tasks.build_monthly[${v.uuid4(r)}] raised unexpected: KeyError('DATABASE_URL')
Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task
    R = retval = fun(*args, **kwargs)
                 ^^^^^^^^^^^^^^^^^^^^
  File "/app/reports/tasks.py", line 41, in build_monthly
    engine = create_engine(os.environ["DATABASE_URL"])
                           ~~~~~~~~~~^^^^^^^^^^^^^^^^
  File "<frozen os>", line 714, in __getitem__
KeyError: 'DATABASE_URL'
[2026-12-01 04:00:13,202: WARNING/ForkPoolWorker-2] environment at failure: environ({${environ}})
[2026-12-01 04:00:13,240: INFO/MainProcess] Task reports.tasks.build_monthly[${v.uuid4(r)}] retry: Retry in 60s
`;
}

/** A CloudTrail log file: key ids of temporary sessions, ARNs, account and request ids (no secret). */
export function cloudTrailLog(f: FileBuilder): string {
  const r = f.rng;
  const account = v.awsAccount(r);
  const records = Array.from({ length: 4 }, (_, i) => {
    const session = pick(r, ['mkowalski', 'ci-deploy', 'i-0a1b2c3d4e5f67890']);
    return {
      eventVersion: '1.09',
      userIdentity: {
        type: 'AssumedRole',
        principalId: `AROA${chars(r, `${UPPER}234567`, 17)}:${session}`,
        arn: `arn:aws:sts::${account}:assumed-role/Deploy/${session}`,
        accountId: account,
        accessKeyId: v.awsTempKeyId(r),
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: `AROA${chars(r, `${UPPER}234567`, 17)}`,
            arn: `arn:aws:iam::${account}:role/Deploy`,
            accountId: account,
            userName: 'Deploy',
          },
          attributes: { creationDate: `2026-12-01T0${i}:00:00Z`, mfaAuthenticated: 'false' },
        },
      },
      eventTime: `2026-12-01T0${i}:1${i}:2${i}Z`,
      eventSource: pick(r, ['s3.amazonaws.com', 'ecs.amazonaws.com', 'secretsmanager.amazonaws.com']),
      eventName: pick(r, ['GetObject', 'DescribeServices', 'GetSecretValue']),
      awsRegion: 'eu-west-1',
      sourceIPAddress: pick(r, ['ecs-tasks.amazonaws.com', 'codebuild.amazonaws.com', 'AWS Internal']),
      userAgent: 'aws-sdk-js/3.600.0 ua/2.0 os/linux lang/js md/nodejs#20.11.1',
      requestParameters: {
        secretId: `arn:aws:secretsmanager:eu-west-1:${account}:secret:orders/prod/db-${chars(r, ALNUM, 6)}`,
      },
      responseElements: null,
      requestID: v.uuid4(r),
      eventID: v.uuid4(r),
      readOnly: true,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: {
        tlsVersion: 'TLSv1.3',
        cipherSuite: 'TLS_AES_128_GCM_SHA256',
        clientProvidedHostHeader: 'secretsmanager.eu-west-1.amazonaws.com',
      },
    };
  });
  return JSON.stringify({ Records: records });
}

/** A Slack workspace export (one channel, one day): tokens and a password pasted into chat. */
export function slackExport(f: FileBuilder): string {
  const r = f.rng;
  const users = ['U04A1B2C3D4', 'U05K9LMN0PQ', 'U06ZZTOP123'];
  let ts = 1_764_582_000 + int(r, 0, 3000);
  const msg = (user: string, text: string) => {
    ts += int(r, 30, 900);
    return {
      client_msg_id: v.uuid4(r),
      type: 'message',
      text,
      user,
      ts: `${ts}.${chars(r, DIGITS, 6)}`,
      blocks: [
        {
          type: 'rich_text',
          block_id: chars(r, ALNUM, 5),
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
        },
      ],
      team: 'T01ACMEW1DG',
      user_team: 'T01ACMEW1DG',
      user_profile: {
        avatar_hash: chars(r, HEX, 12),
        image_72: `https://avatars.slack-edge.com/2024-03-11/${chars(r, DIGITS, 13)}_${chars(r, HEX, 20)}_72.png`,
        display_name: pick(r, ['mk', 'ana', 'tomas']),
        is_restricted: false,
      },
    };
  };
  const bot = f.plant(v.slackBot(r), 'slack');
  const dbPass = f.plant(chars(r, ALNUM, 18), 'password');
  const messages = [
    msg(users[0] ?? '', 'anyone have the token for the deploy-notifier bot? the env var got wiped'),
    msg(users[1] ?? '', `here: ${bot} (rotate it after the freeze pls)`),
    msg(users[0] ?? '', 'thx :pray:'),
    msg(users[2] ?? '', `migration user is \`migrator\` / \`${dbPass}\` on orders-db, only until friday`),
    msg(
      users[1] ?? '',
      `for the staging bucket use ${f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])} with secret ${f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])}`,
    ),
    msg(users[2] ?? '', 'old bot token (xoxb-…redacted) is revoked now'),
    msg(users[0] ?? '', `build ${chars(r, HEX, 7)} is green, deploying :rocket:`),
  ];
  return `${JSON.stringify(messages, null, 4)}\n`;
}

/** A markdown runbook with pasted credentials beside placeholders and vendor example keys. */
export function runbookMarkdown(f: FileBuilder): string {
  const r = f.rng;
  const pgPass = v.password(r).replace(/'/g, '');
  return `# Restoring the orders database

> Owner: platform team. Last tested 2026-11-30.

![restore flow](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAUAAAADw${chars(r, BASE64, 240)}=)

## 1. Get a shell on the bastion

\`\`\`bash
aws ssm start-session --target i-0${chars(r, HEX, 16)} --profile acme-prod-admin
\`\`\`

## 2. Restore the latest dump

\`\`\`bash
export PGPASSWORD='${f.plant(pgPass, 'password')}'
pg_restore -h orders-db.cluster-${chars(r, `${LOWER}${DIGITS}`, 12)}.eu-west-1.rds.amazonaws.com \\
  -U orders_admin -d orders --clean --if-exists /backups/orders-2026-11-30.dump
\`\`\`

## 3. Check the service

\`\`\`bash
curl -u admin:${f.plant(chars(r, ALNUM, 16), 'password')} https://orders.acme-widgets.dev/admin/health
curl -H "Authorization: Bearer <your-token>" https://orders.acme-widgets.dev/v1/orders?limit=1
curl -H "X-API-Key: ${f.plant(chars(r, ALNUM, 32), 'api key')}" https://partner.example-logistics.com/v2/ping
\`\`\`

Local docker-compose uses \`admin\` / \`admin\`; never in prod.

## 4. Re-enable the CDN purge hook

The hook authenticates with the Cloudflare token below (scoped to the zone, Cache Purge only):

    CF_API_TOKEN=${f.plant(v.cloudflareToken(r), 'api key')}
    curl -X POST "https://api.cloudflare.com/client/v4/zones/${chars(r, HEX, 32)}/purge_cache" \\
      -H "Authorization: Bearer $CF_API_TOKEN" -H "Content-Type: application/json" \\
      --data '{"purge_everything":true}'

## Appendix: AWS CLI example from the docs

\`\`\`
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
\`\`\`

Rotate with \`aws iam create-access-key --user-name orders-backup\`; the old key id was \`AKIA****************\`.
Dump checksum (sha256): \`${chars(r, HEX, 64)}\`.
`;
}

/** A REST Client / JetBrains HTTP client `.http` file with file variables and headers. */
export function httpRequestsFile(f: FileBuilder): string {
  const r = f.rng;
  const basic = Buffer.from(`admin:${chars(r, ALNUM, 14)}`).toString('base64');
  return `@baseUrl = https://api.acme-widgets.dev
@token = ${f.plant(v.jwt(r, { sub: v.uuid4(r), iss: 'https://auth.acme-widgets.dev/', exp: int(r, 1_790_000_000, 1_800_000_000) }), 'jwt')}
@apiKey = {{$dotenv PARTNER_API_KEY}}

### list orders
GET {{baseUrl}}/v1/orders?limit=20
Authorization: Bearer {{token}}

### partner shipments
GET https://partner.example-logistics.com/v2/shipments
X-Api-Key: ${f.plant(chars(r, HEX, 32), 'api key')}
Accept: application/json

### reindex (admin)
POST {{baseUrl}}/admin/reindex
Authorization: Basic ${f.plant(basic, 'basic auth')}
Content-Type: application/json

{"full": true}

### me (from the environment)
GET {{baseUrl}}/v1/me
Authorization: Bearer {{$processEnv ACME_TOKEN}}
`;
}

/** A Postman environment export: keys and values in separate fields. */
export function postmanEnvironment(f: FileBuilder): string {
  const r = f.rng;
  const values = [
    { key: 'baseUrl', value: 'https://api.acme-widgets.dev', type: 'default', enabled: true },
    { key: 'apiKey', value: f.plant(chars(r, ALNUM, 32), 'api key'), type: 'secret', enabled: true },
    { key: 'clientId', value: `acme-${chars(r, LOWER, 6)}`, type: 'default', enabled: true },
    {
      key: 'clientSecret',
      value: f.plant(chars(r, `${ALNUM}-_`, 48), 'oauth client secret'),
      type: 'secret',
      enabled: true,
    },
    { key: 'accessToken', value: '', type: 'any', enabled: true },
    { key: 'userId', value: v.uuid4(r), type: 'default', enabled: true },
    { key: 'adminPassword', value: f.plant(v.password(r), 'password'), type: 'secret', enabled: true },
    { key: 'postmanApiKey', value: f.plant(v.postmanKey(r), 'api key'), type: 'secret', enabled: false },
  ];
  return `${JSON.stringify(
    {
      id: v.uuid4(r),
      name: 'acme prod',
      values,
      _postman_variable_scope: 'environment',
      _postman_exported_at: '2026-11-20T10:11:12.123Z',
      _postman_exported_using: 'Postman/11.19.0',
    },
    null,
    '\t',
  )}\n`;
}

/** A zsh extended history (`: start:elapsed;command`) of a devops engineer. */
export function zshHistory(f: FileBuilder): string {
  const r = f.rng;
  let at = 1_764_580_000;
  const h = (cmd: string) => {
    at += int(r, 5, 600);
    return `: ${at}:${int(r, 0, 9)};${cmd}`;
  };
  const doToken = f.plant(v.digitalOcean(r), 'api key');
  return `${[
    h('kubectl get pods -n payments'),
    h('kubectl logs -n payments deploy/payments-api --since=10m | grep -i error'),
    h(`export DIGITALOCEAN_ACCESS_TOKEN=${doToken}`),
    h(`doctl auth init -t ${doToken}`),
    h(
      `psql "postgresql://doadmin:${f.plant(`AVNS_${chars(r, `${ALNUM}-_`, 19)}`, 'database url')}@db-postgresql-fra1-${chars(r, DIGITS, 5)}-do-user-${chars(r, DIGITS, 8)}-0.b.db.ondigitalocean.com:25060/defaultdb?sslmode=require"`,
    ),
    h(
      `curl -H "Authorization: token ${f.plant(v.githubToken(r), 'github', ['github-token'])}" https://api.github.com/user`,
    ),
    h(
      `dotnet nuget push bin/Release/Acme.Core.2.1.0.nupkg -k ${f.plant(v.nugetKey(r), 'api key')} -s https://api.nuget.org/v3/index.json`,
    ),
    h('git log --oneline | head -20'),
    h(`vault login ${f.plant(v.vaultToken(r), 'vault token')}`),
    h(
      `aws configure set aws_secret_access_key ${f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])} --profile backup`,
    ),
    h(`htpasswd -nbB admin '${f.plant(chars(r, ALNUM, 14), 'password')}'`),
    h(
      `redis-cli -h cache.data.internal -a '${f.plant(chars(r, ALNUM, 28), 'password')}' --no-auth-warning ping`,
    ),
    h('ssh-keygen -lf ~/.ssh/id_ed25519.pub'),
    h(`docker login ghcr.io -u mkowalski -p ${f.plant(v.githubToken(r), 'github', ['github-token'])}`),
    h('history | tail'),
  ].join('\n')}\n`;
}
