import { ALNUM, DIGITS, HEX, UPPER } from '../../eval/random.ts';
import { carried, ref, secretChars, uuid } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

const hex64 = (prefix: string) => (r: () => number) => `${prefix}${secretChars(r, HEX, 64)}`;

export const samples: FamilySamples = {
  'alibaba-access-key-id': {
    truePositives: carried((r) => `LTAI${secretChars(r, ALNUM, 20)}`, 'access_key_id', [
      (v) => `export ALIBABA_CLOUD_ACCESS_KEY_ID=${v}`,
      (v) => `{"AccessKeyId": "${v}", "RegionId": "cn-hangzhou"}`,
      (v) => `aliyun:\n  access_key_id: '${v}'`,
    ]),
    nearMisses: [
      'access_key_id: LTAI0000000000000000',
      'LTAIxxxxxxxxxxxxxxxx',
      (r) => `id=LTAI${secretChars(r, ALNUM, 8)}`,
    ],
  },
  'alibaba-access-key-secret': {
    truePositives: carried((r) => secretChars(r, ALNUM, 30), 'access_key_secret', [
      (v) => `export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${v}`,
      (v) => `aliyun:\n  access_key_secret: "${v}"`,
      (v) => `ALIYUN_AK_SECRET = '${v}'`,
    ]),
    nearMisses: [
      'ALIYUN_REGION=cn-hangzhou-internal-xxxxxxxx',
      (r) => `aliyun_bucket: ${secretChars(r, ALNUM, 29)}`,
      `aliyun_access_key_secret: ${ref('ALIYUN_SECRET')}`,
    ],
  },
  'ibm-cloud-api-key': {
    truePositives: carried((r) => secretChars(r, `${ALNUM}_-`, 44), 'ibmcloud_api_key', [
      (v) => `export IBMCLOUD_API_KEY=${v}`,
      (v) => `IC_API_KEY: "${v}"`,
      (v) => `ibm_iam_apikey = '${v}'`,
    ]),
    nearMisses: [
      'IBMCLOUD_API_KEY=<your-ibm-cloud-api-key-goes-here-please-xx>',
      (r) => `ibm_region = ${secretChars(r, ALNUM, 43)}`,
      'ibm_cos_crn: crn:v1:bluemix:public:cloud-object-storage:global:a/1234',
    ],
  },
  'oracle-cloud-secret': {
    truePositives: carried((r) => secretChars(r, `${ALNUM}.:;#()<>`, 20), 'oci_auth_token', [
      (v) => `export OCI_AUTH_TOKEN='${v}'`,
      (v) => `oracle_auth_token: "${v}"`,
    ]).concat(
      carried((r) => `${secretChars(r, `${ALNUM}+/`, 43)}=`, 'oci_secret_key', [
        (v) => `OCI_SECRET_KEY=${v}`,
        (v) => `{"oracle_secret_access_key": "${v}"}`,
      ]),
    ),
    nearMisses: [
      `OCI_AUTH_TOKEN=${ref('OCI_TOKEN_FROM_VAULT')}`,
      'oci_secret_key: changeme-changeme-changeme',
      'oracle_home = /u01/app/oracle/product/19.0.0/dbhome_1',
    ],
  },
  'digitalocean-personal-access-token': {
    truePositives: carried(hex64('dop_v1_'), 'token', [
      (v) => `export DIGITALOCEAN_TOKEN=${v}`,
      (v) => `access-token: ${v}`,
      (v) => `curl -H "Authorization: Bearer ${v}" https://api.digitalocean.com/v2/droplets`,
    ]),
    nearMisses: [
      (r) => `dop_v1_${secretChars(r, HEX, 63)} is one digit short`,
      `token: dop_v1_${'0'.repeat(64)}`,
      (r) => `dop_v2_${secretChars(r, HEX, 64)} has no such version`,
    ],
  },
  'digitalocean-oauth-token': {
    truePositives: carried(hex64('doo_v1_'), 'token', [
      (v) => `{"access_token": "${v}", "token_type": "bearer"}`,
      (v) => `DO_OAUTH=${v}`,
    ]),
    nearMisses: [(r) => `doo_v1_${secretChars(r, HEX, 40)} is too short`, `doo_v1_${'x'.repeat(64)}`],
  },
  'digitalocean-refresh-token': {
    truePositives: carried(hex64('dor_v1_'), 'refresh_token', [
      (v) => `{"refresh_token": "${v}", "expires_in": 2592000}`,
      (v) => `refresh: ${v}`,
    ]),
    nearMisses: [(r) => `refresh: dor_v1_${secretChars(r, HEX, 65)}`, `dor_v1_${'a'.repeat(64)}`],
  },
  'linode-api-token': {
    truePositives: carried((r) => secretChars(r, HEX, 64), 'linode_token', [
      (v) => `export LINODE_TOKEN=${v}`,
      (v) => `linode_api_token: "${v}"`,
      (v) => `provider "linode" {}\nlinode_token = "${v}"`,
    ]),
    nearMisses: [
      (r) => `linode_image: ${secretChars(r, HEX, 40)}`,
      'LINODE_TOKEN=0000000000000000000000000000000000000000000000000000000000000000',
      (r) => `commit ${secretChars(r, HEX, 64)} linode`,
    ],
  },
  'hetzner-api-token': {
    truePositives: carried((r) => secretChars(r, ALNUM, 64), 'hcloud_token', [
      (v) => `export HCLOUD_TOKEN=${v}`,
      (v) => `hcloud_token = "${v}"`,
      (v) => `hetzner_api_token: ${v}`,
    ]),
    nearMisses: [
      'HCLOUD_TOKEN=<hetzner-cloud-token>',
      (r) => `hcloud_location: ${secretChars(r, ALNUM, 40)}`,
      `hcloud_token = "${'X'.repeat(64)}"`,
    ],
  },
  'scaleway-access-key': {
    truePositives: carried((r) => `SCW${secretChars(r, UPPER + DIGITS, 17)}`, 'access_key', [
      (v) => `export SCW_ACCESS_KEY=${v}`,
      (v) => `access_key: ${v}`,
    ]),
    nearMisses: ['SCW_ACCESS_KEY=SCWXXXXXXXXXXXXXXXXX', 'SCW1234567890ABCDEFG1', 'SCWABC123'],
  },
  'scaleway-secret-key': {
    truePositives: carried(uuid, 'scw_secret_key', [
      (v) => `export SCW_SECRET_KEY=${v}`,
      (v) => `scaleway:\n  scw_secret_key: "${v}"`,
    ]),
    nearMisses: [
      'SCW_SECRET_KEY=00000000-0000-0000-0000-000000000000',
      (r) => `SCW_DEFAULT_PROJECT_ID=${uuid(r)}`,
      `scw_secret_key: ${ref('SCW_SECRET_KEY')}`,
    ],
  },
};
