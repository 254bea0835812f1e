import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, pick } from '../random.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * CI files, dumps, logs, HAR captures, notebooks, exports, and the files that hold nothing but
 * hard negatives (lock files, detect-secrets baselines, pages with SRI hashes, test fixtures).
 */

export function githubActions(f: FileBuilder): string {
  const r = f.rng;
  return `name: deploy
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-22.04
    env:
      NODE_VERSION: 20.11.1
      SLACK_BOT_TOKEN: ${f.plant(s.slackBotToken(r), 'slack token', ['slack-token'])}
    steps:
      - uses: actions/checkout@${s.gitSha(r)} # v4.1.1
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::${chars(r, DIGITS, 12)}:role/deploy
          aws-region: eu-west-1
      - run: npm ci && npm run build
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
          SENTRY_AUTH_TOKEN: \${{ secrets.SENTRY_AUTH_TOKEN }}
      - run: ./scripts/deploy.sh --token "\${{ secrets.DEPLOY_TOKEN }}"
`;
}

export function gitlabCi(f: FileBuilder): string {
  const r = f.rng;
  return `stages: [test, build, mirror]
variables:
  DOCKER_DRIVER: overlay2
  POSTGRES_PASSWORD: ${f.plant(chars(r, ALNUM, 16), 'password')}
  CI_GITHUB_MIRROR_TOKEN: ${f.plant(s.hexToken(r), '40-hex token')}
test:
  image: node:20.11.1-alpine@sha256:${chars(r, HEX, 64)}
  services: [postgres:16]
  script:
    - npm ci
    - npm test
mirror:
  stage: mirror
  script:
    - git push --mirror https://oauth2:\${GITHUB_MIRROR_TOKEN}@github.com/acme/app.git
`;
}

export function jenkinsfile(f: FileBuilder): string {
  const r = f.rng;
  return `pipeline {
  agent any
  environment {
    SONAR_TOKEN = '${f.plant(`squ_${chars(r, HEX, 40)}`, '40-hex token')}'
    REGISTRY = 'registry.example.com'
  }
  stages {
    stage('Build') {
      steps {
        withCredentials([string(credentialsId: 'github-token', variable: 'GITHUB_TOKEN')]) {
          sh 'make build'
        }
        withCredentials([usernamePassword(credentialsId: 'nexus', usernameVariable: 'NEXUS_USER', passwordVariable: 'NEXUS_PASSWORD')]) {
          sh 'mvn deploy -Dnexus.password=$NEXUS_PASSWORD'
        }
      }
    }
  }
}
`;
}

export function sqlDump(f: FileBuilder): string {
  const r = f.rng;
  const rows = Array.from({ length: 6 }, (_, i) => {
    const email = f.pii(`${chars(r, LOWER, 7)}.${chars(r, LOWER, 5)}@example-mail.com`, 'email');
    const hash = f.plant(`$2b$12$${chars(r, `${ALNUM}./`, 53)}`, 'password hash');
    return `(${i + 1},'${email}','${hash}','${f.plant(s.hexToken(r, 32), 'api token in a row')}','2024-0${int(r, 1, 9)}-1${int(r, 0, 9)} 10:${int(r, 10, 59)}:00')`;
  });
  return `-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
-- Host: localhost    Database: portal
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
DROP TABLE IF EXISTS \`users\`;
CREATE TABLE \`users\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`email\` varchar(255) NOT NULL,
  \`password_hash\` varchar(60) NOT NULL,
  \`api_token\` varchar(64) DEFAULT NULL,
  \`created_at\` datetime NOT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES \`users\` WRITE;
INSERT INTO \`users\` VALUES ${rows.join(',')};
UNLOCK TABLES;
CREATE USER 'reporting'@'%' IDENTIFIED BY '${f.plant(chars(r, ALNUM, 18), 'password')}';
`;
}

export function appLog(f: FileBuilder): string {
  const r = f.rng;
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    const ts = `2024-11-${10 + (i % 18)}T0${i % 10}:${int(r, 10, 59)}:${int(r, 10, 59)}.${chars(r, DIGITS, 3)}Z`;
    lines.push(
      pick(r, [
        () =>
          `${ts} INFO  [http-nio-8080-exec-${int(r, 1, 9)}] c.a.o.OrderController - request_id=${s.uuid(r)} GET /api/orders/${int(r, 1000, 99999)} 200 ${int(r, 3, 900)}ms`,
        () =>
          `${ts} DEBUG [main] o.h.SQL - select o1_0.id,o1_0.total from orders o1_0 where o1_0.customer_id=?`,
        () =>
          `${ts} WARN  [scheduler-1] c.a.s.SyncJob - retrying sync of batch ${chars(r, HEX, 12)} (attempt ${int(r, 2, 5)})`,
        () =>
          `${ts} INFO  [main] c.a.Application - build ${s.gitSha(r).slice(0, 12)} version 3.${int(r, 0, 20)}.${int(r, 0, 9)}`,
      ])(),
    );
  }
  lines.splice(
    7,
    0,
    `2024-11-12T08:14:03.117Z DEBUG [http-nio-8080-exec-3] c.a.a.AuthFilter - incoming headers {Authorization=Bearer ${f.plant(s.jwtToken(r), 'jwt', ['jwt'])}, Accept=application/json}`,
  );
  lines.splice(
    15,
    0,
    `2024-11-12T08:20:41.553Z INFO  [main] c.a.d.DataSourceConfig - connecting to postgresql://orders:${f.plant(chars(r, ALNUM, 16), 'db url password')}@orders-db.internal:5432/orders`,
  );
  lines.splice(
    22,
    0,
    `2024-11-12T09:01:00.002Z ERROR [worker-2] c.a.p.StripeClient - charge failed for key ${f.plant(s.stripeKey(r), 'stripe key', ['stripe-secret-key'])}: card_declined`,
  );
  return `${lines.join('\n')}\n`;
}

export function harFile(f: FileBuilder): string {
  const r = f.rng;
  const image = s.dataUriImage(r).slice('data:image/png;base64,'.length);
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      entries: [
        {
          startedDateTime: '2024-11-12T08:14:03.117Z',
          time: 182.4,
          request: {
            method: 'GET',
            url: `https://api.example-corp.io/v2/reports?api_key=${f.plant(chars(r, HEX, 32), 'api key in a URL')}&from=2024-10-01`,
            httpVersion: 'HTTP/2.0',
            headers: [
              { name: 'authorization', value: `Bearer ${f.plant(s.jwtToken(r), 'jwt', ['jwt'])}` },
              {
                name: 'cookie',
                value: `sessionid=${f.plant(chars(r, `${LOWER}${DIGITS}`, 32), 'session cookie')}; csrftoken=${chars(r, ALNUM, 32)}`,
              },
              { name: 'x-request-id', value: s.uuid(r) },
              { name: 'if-none-match', value: `W/"${chars(r, HEX, 40)}"` },
            ],
          },
          response: {
            status: 200,
            content: { size: 1183, mimeType: 'image/png', text: image, encoding: 'base64' },
          },
        },
      ],
    },
  };
  return `${JSON.stringify(har, null, 2)}\n`;
}

export function notebook(f: FileBuilder): string {
  const r = f.rng;
  const cell = (source: string[], outputs: unknown[] = []) => ({
    cell_type: 'code',
    execution_count: int(r, 1, 40),
    metadata: {},
    outputs,
    source,
  });
  const nb = {
    cells: [
      cell(['import boto3\n', 'import pandas as pd\n']),
      cell([
        's3 = boto3.client(\n',
        "    's3',\n",
        `    aws_access_key_id='${f.plant(s.awsKeyId(r), 'aws key id', ['aws-access-key-id'])}',\n`,
        `    aws_secret_access_key='${f.plant(s.awsSecret(r), 'aws secret', ['aws-secret-access-key'])}',\n`,
        ')\n',
      ]),
      cell(
        ["df = pd.read_csv('s3://analytics/exports/orders.csv')\n", 'df.plot()'],
        [
          {
            output_type: 'display_data',
            data: { 'image/png': `iVBORw0KGgoAAAANSUhEUgAA${chars(r, BASE64, 400)}` },
            metadata: {},
          },
        ],
      ),
    ],
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(nb, null, 1)}\n`;
}

export function csvExport(f: FileBuilder): string {
  const r = f.rng;
  const rows = ['customer_id,email,plan,signup_date,api_key_last4,external_ref'];
  for (let i = 0; i < 12; i++) {
    const email = f.pii(
      `${chars(r, LOWER, 5)}${int(r, 1, 99)}@${pick(r, ['gmail.com', 'outlook.com', 'example-mail.com'])}`,
      'email',
    );
    rows.push(
      `${s.uuid(r)},${email},${pick(r, ['free', 'pro', 'team'])},2023-0${int(r, 1, 9)}-2${int(r, 0, 8)},${chars(r, ALNUM, 4)},${chars(r, HEX, 24)}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

export function packageLock(f: FileBuilder): string {
  const r = f.rng;
  const packages: Record<string, unknown> = { '': { name: 'web', version: '1.4.0' } };
  for (const name of [
    'react',
    'react-dom',
    'scheduler',
    'loose-envify',
    'js-tokens',
    'secret-handshake',
    'token-types',
    'passport',
  ]) {
    const version = `${int(r, 1, 18)}.${int(r, 0, 12)}.${int(r, 0, 9)}`;
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: s.sha512Integrity(r),
      license: 'MIT',
    };
  }
  return `${JSON.stringify({ name: 'web', version: '1.4.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

export function secretsBaseline(f: FileBuilder): string {
  const r = f.rng;
  const result = (file: string, type: string) => ({
    type,
    filename: file,
    hashed_secret: chars(r, HEX, 40),
    is_verified: false,
    line_number: int(r, 3, 300),
  });
  const baseline = {
    version: '1.4.0',
    plugins_used: [
      { name: 'AWSKeyDetector' },
      { name: 'Base64HighEntropyString', limit: 4.5 },
      { name: 'KeywordDetector', keyword_exclude: '' },
    ],
    results: {
      'config/settings.py': [result('config/settings.py', 'Secret Keyword')],
      'deploy/values.yaml': [result('deploy/values.yaml', 'Base64 High Entropy String')],
      'tests/test_client.py': [result('tests/test_client.py', 'AWS Access Key')],
    },
    generated_at: '2024-11-12T08:14:03Z',
  };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function indexHtml(f: FileBuilder): string {
  const r = f.rng;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="csrf-token" content="{{ csrf_token() }}">
  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/css/bootstrap.min.css" integrity="${s.sha384Sri(r)}" crossorigin="anonymous">
  <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js" integrity="${s.sha384Sri(r)}" crossorigin="anonymous"></script>
</head>
<body>
  <img alt="logo" src="${s.dataUriImage(r)}">
  <form method="post"><input type="password" name="password" autocomplete="current-password" placeholder="Password"></form>
  <script>window.APP = { apiBase: "/api/v1", release: "${s.gitSha(r)}", sentryDsnKey: window.ENV.SENTRY_KEY };</script>
</body>
</html>
`;
}

export function awsFixture(f: FileBuilder): string {
  const exampleId = ['AKIAIOSFODNN7', 'EXAMPLE'].join('');
  const exampleSecret = ['wJalrXUtnFEMI/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'].join('');
  return `"""Tests for the S3 uploader, with the credentials AWS documents as examples."""
import pytest

FAKE_CREDENTIALS = {
    "aws_access_key_id": "${exampleId}",
    "aws_secret_access_key": "${exampleSecret}",
}

@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("API_TOKEN", "test-token")
    return make_client(password="${f.rng() < 2 ? 'not-a-real-password' : ''}")
`;
}

export function readme(f: FileBuilder): string {
  const r = f.rng;
  return `# orders-service

## Configuration
Set these environment variables (see \`.env.example\`):

\`\`\`sh
export API_KEY=<your-api-key>
export DB_PASSWORD=changeme
export JWT_SECRET="\${JWT_SECRET:-please-set-me}"
curl -H "Authorization: Bearer $TOKEN" https://api.example.com/v1/orders
\`\`\`

Release ${int(r, 1, 4)}.${int(r, 0, 30)}.${int(r, 0, 9)} (commit ${s.gitSha(r)}), docker image digest sha256:${chars(r, HEX, 64)}.
Track request \`${s.uuid(r)}\` in the dashboard: https://grafana.example.com/d/${chars(r, ALNUM, 9)}/orders?orgId=1&var-trace=${chars(r, HEX, 32)}
`;
}

export function goSum(f: FileBuilder): string {
  const r = f.rng;
  const modules = [
    'golang.org/x/oauth2 v0.15.0',
    'google.golang.org/api v0.152.0',
    'github.com/golang-jwt/jwt/v5 v5.2.0',
    'github.com/aws/aws-sdk-go-v2/credentials v1.16.12',
  ];
  return `${modules.flatMap((m) => [`${m} h1:${chars(r, BASE64, 43)}=`, `${m}/go.mod h1:${chars(r, BASE64, 43)}=`]).join('\n')}\n`;
}

export function envExample(_f: FileBuilder): string {
  return `# Copy to .env and fill in
APP_KEY=
DB_PASSWORD=your-db-password
STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx
GITHUB_TOKEN=<github personal access token>
JWT_SECRET=change-me-to-a-long-random-string
SENTRY_AUTH_TOKEN=
SMTP_PASSWORD=********
AWS_SECRET_ACCESS_KEY=YOUR_SECRET_ACCESS_KEY
`;
}

export function translations(_f: FileBuilder): string {
  const en = {
    auth: {
      password: 'Password',
      passwordHint: 'At least 12 characters, one digit and one symbol',
      passwordMismatch: 'The passwords do not match',
      forgotPassword: 'Forgot your password?',
      token_expired: 'Your session token has expired. Please sign in again.',
      apiKeyLabel: 'API key',
      secretQuestion: 'What was the name of your first pet?',
    },
  };
  return `${JSON.stringify(en, null, 2)}\n`;
}

export function clientSource(_f: FileBuilder): string {
  return `import { getToken, refreshToken } from './auth';
import type { Credentials } from './types';

export async function fetchOrders(client: HttpClient, credentials: Credentials) {
  const token = await getToken(credentials.clientId, credentials.scope);
  const apiKey = process.env.ORDERS_API_KEY ?? config.get('orders.apiKey');
  const password = credentials.password;
  let authHeader = buildAuthHeader(token, 'Bearer');
  if (isExpired(token)) authHeader = await refreshToken(client, credentials);
  const secret = secrets[credentials.tenantId];
  return client.get('/orders', { headers: { Authorization: authHeader, 'X-Api-Key': apiKey } });
}
`;
}
