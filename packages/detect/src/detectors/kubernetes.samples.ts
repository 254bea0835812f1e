import { ALNUM, chars, LOWER } from '../../eval/random.ts';
import { b64, plant } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'kubernetes-secret-data': {
    truePositives: [
      (r) =>
        plant(
          'password',
          (v) =>
            `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${chars(r, LOWER, 6)}-db\n  namespace: default\ntype: Opaque\ndata:\n  username: ${b64('app')}\n  password: ${v}\n`,
          b64(`${chars(r, ALNUM, 18)}!`),
        ),
      (r) =>
        plant(
          'api-token',
          (v) =>
            `apiVersion: v1\ndata:\n  api-token: ${v}\n  region: ${b64('eu-west-1')}\nkind: Secret\nmetadata:\n  creationTimestamp: "2024-05-01T10:00:00Z"\n  name: api\ntype: Opaque\n`,
          b64(chars(r, ALNUM, 40)),
        ),
      (r) =>
        plant(
          '.dockercfg',
          (v) =>
            `apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: |\n    ${v}\n`,
          b64(JSON.stringify({ 'registry.acme-corp.io': { auth: b64(`ci:${chars(r, ALNUM, 20)}`) } })),
        ),
      (r) =>
        plant(
          'extra',
          (v) => `apiVersion: v1\ndata:\n\textra: '${v}'\nkind: 'Secret'\nmetadata:\n\tname: sa-sample\n`,
          b64(`deploy:${chars(r, ALNUM, 12)}`),
        ),
    ],
    nearMisses: [
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ca\ntype: Opaque\ndata:\n  ca.pem: ${b64('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUW7\n-----END CERTIFICATE-----\n')}\n`,
      `apiVersion: v1\ndata:\n\textra: YmFyCg==\nkind: secret\nmetadata:\n\tname: secret-sa-sample\n`,
      `apiVersion: isindir.github.com/v1alpha3\nkind: SopsSecret\nspec:\n  secretTemplates:\n    - name: s\n      data:\n        data-name1: ${b64('kT9vLq2ZpX4wRm8sNb3c')}\n`,
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: mysecret\n  namespace: default\ntype: Opaque\ndata:\n  username: ${b64('admin')}\n  api-token: ${b64('changeme')}\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  checksum: ${b64('kT9vLq2ZpX4wRm8sNb3c')}\n`,
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\n  labels:\n    tier: backend\nstringData:\n  mode: production\n`,
    ],
  },
};
