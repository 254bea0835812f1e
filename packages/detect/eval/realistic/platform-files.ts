import { ALNUM, BASE64, chars, HEX, int, LOWER, pick } from '../random.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * Credential and platform files as their tools write them: package-manager and login files
 * (.npmrc, .netrc, .pgpass, docker config.json), Kubernetes manifests, a kubeconfig, Helm
 * values and a Terraform state.
 */

/** A YAML scalar as an emitter writes it: plain when safe, single-quoted otherwise. */
export const yamlScalar = (v: string) => (/^[A-Za-z0-9_.-]+$/.test(v) ? v : `'${v.replaceAll("'", "''")}'`);

export function npmrc(f: FileBuilder): string {
  const r = f.rng;
  return `registry=https://registry.npmjs.org/
@acme:registry=https://npm.pkg.github.com/
//npm.pkg.github.com/:_authToken=${f.plant(s.githubToken(r), 'github token', ['github-token'])}
//registry.npmjs.org/:_authToken=${f.plant(s.npmToken(r), 'npm token', ['npm-token'])}
save-exact=true
fund=false
`;
}

export function netrc(f: FileBuilder): string {
  const r = f.rng;
  return `machine api.heroku.com
  login ${f.pii(`${chars(r, LOWER, 6)}@example-corp.io`, 'email')}
  password ${f.plant(s.uuid(r), 'uuid token')}
machine github.com
  login deploy-bot
  password ${f.plant(s.githubToken(r), 'github token', ['github-token'])}
`;
}

export function pgpass(f: FileBuilder): string {
  const r = f.rng;
  return `# hostname:port:database:username:password
db.internal:5432:orders:orders_app:${f.plant(chars(r, ALNUM, 22), 'password')}
*:5432:*:replicator:${f.plant(s.password(r).replace(/[:\\\s]/g, 'p'), 'password')}
`;
}

export function dockerConfig(f: FileBuilder): string {
  const r = f.rng;
  const auth = Buffer.from(`ci-robot:${chars(r, ALNUM, 24)}`).toString('base64');
  return `${JSON.stringify(
    {
      auths: {
        'registry.gitlab.example.com': { auth: f.plant(auth, 'docker auth') },
        'https://index.docker.io/v1/': {},
      },
      credsStore: 'desktop',
      currentContext: 'default',
    },
    null,
    '\t',
  )}\n`;
}

export function kubeSecret(f: FileBuilder): string {
  const r = f.rng;
  const b64 = (v: string) => Buffer.from(v).toString('base64');
  return `apiVersion: v1
kind: Secret
metadata:
  name: payments-credentials
  namespace: payments
type: Opaque
data:
  db-password: ${f.plant(b64(chars(r, ALNUM, 20)), 'kube secret data')}
  api-token: ${f.plant(b64(s.hexToken(r, 32)), 'kube secret data')}
stringData:
  webhook-secret: ${f.plant(`whsec_${chars(r, ALNUM, 32)}`, 'password')}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
spec:
  template:
    spec:
      containers:
        - name: payments
          image: registry.example.com/payments@sha256:${chars(r, HEX, 64)}
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: payments-credentials
                  key: db-password
            - name: API_TOKEN
              valueFrom:
                secretKeyRef:
                  name: payments-credentials
                  key: api-token
`;
}

export function kubeconfig(f: FileBuilder): string {
  const r = f.rng;
  // Real kubeconfigs hold base64 PEM certificates beside the key: hard negatives of the same shape.
  const ca = Buffer.from(s.pemKey(r, 'CERTIFICATE')).toString('base64');
  const clientKey = Buffer.from(s.pemKey(r)).toString('base64');
  const text = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${ca}
    server: https://${f.pii('10.20.0.1', 'ipv4-address')}:6443
  name: prod
contexts:
- context:
    cluster: prod
    user: ci
  name: prod
current-context: prod
users:
- name: ci
  user:
    token: ${f.plant(s.jwtToken(r), 'jwt', ['jwt'])}
- name: admin
  user:
    client-certificate-data: ${Buffer.from(s.pemKey(r, 'CERTIFICATE')).toString('base64')}
    client-key-data: ${clientKey}
`;
  f.plantBlock(text, clientKey, 'kube client key', ['private-key-base64']);
  return text;
}

export function terraformState(f: FileBuilder): string {
  const r = f.rng;
  const state = {
    version: 4,
    terraform_version: '1.6.4',
    serial: int(r, 10, 400),
    lineage: s.uuid(r),
    outputs: { db_endpoint: { value: 'orders.abc123.eu-west-1.rds.amazonaws.com:5432', type: 'string' } },
    resources: [
      {
        mode: 'managed',
        type: 'aws_db_instance',
        name: 'orders',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            schema_version: 2,
            attributes: {
              arn: `arn:aws:rds:eu-west-1:${chars(r, '0123456789', 12)}:db:orders`,
              engine: 'postgres',
              username: 'orders',
              password: f.plant(chars(r, `${ALNUM}!#%^*`, 24), 'password'),
              id: `db-${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 26)}`,
            },
            sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]],
          },
        ],
      },
      {
        mode: 'managed',
        type: 'aws_iam_access_key',
        name: 'deployer',
        instances: [
          {
            attributes: {
              id: f.plant(s.awsKeyId(r), 'aws key id', ['aws-access-key-id']),
              secret: f.plant(s.awsSecret(r), 'aws secret'),
              ses_smtp_password_v4: f.plant(chars(r, BASE64, 44), 'password'),
              status: 'Active',
              user: 'deployer',
            },
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(state, null, 2)}\n`;
}

export function helmValues(f: FileBuilder): string {
  const r = f.rng;
  return `replicaCount: 2
image:
  repository: bitnami/redis
  tag: 7.2.4-debian-12-r9
auth:
  enabled: true
  existingSecret: redis-credentials
  existingSecretPasswordKey: redis-password
postgresql:
  auth:
    username: app
    password: ""
    secretKeys:
      adminPasswordKey: postgres-password
      userPasswordKey: password
sentinel:
  auth:
    password: ${f.plant(`${chars(r, ALNUM, 12)}${pick(r, ['-', '_'])}${chars(r, ALNUM, 8)}`, 'password')}
podAnnotations:
  checksum/config: ${chars(r, HEX, 64)}
`;
}
