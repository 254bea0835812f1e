import type { Detector } from '../types.ts';
import { assignedSecret, shapedToken, UUID, uuidLooksReal } from './token-kit.ts';

/** Alibaba Cloud AccessKey ID (`LTAI` + 12 to 20 characters). */
export const alibabaAccessKeyId = shapedToken({
  id: 'alibaba-access-key-id',
  name: 'Alibaba Cloud AccessKey ID',
  severity: 'high',
  keywords: ['ltai'],
  token: 'LTAI[A-Za-z0-9]{12,20}',
  randomFrom: 4,
  quality: { minEntropy: 3, minClasses: 2 },
  contextWords: ['alibaba', 'aliyun', 'accesskey', 'access_key_id'],
  validator: 'entropy',
  example: '`LTAI` + 12-20 base62',
  description: 'An Alibaba Cloud AccessKey ID; dangerous together with its AccessKey secret.',
});

/** Alibaba Cloud AccessKey secret: 30 characters assigned to an Alibaba/Aliyun secret name. */
export const alibabaAccessKeySecret = assignedSecret({
  id: 'alibaba-access-key-secret',
  name: 'Alibaba Cloud AccessKey secret',
  severity: 'critical',
  keywords: ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret'],
  names: ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret'],
  value: '[A-Za-z0-9]{30}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 3.5, minClasses: 3 },
  contextWords: ['ltai', 'alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret'],
  validator: 'entropy',
  example: '30 base62 assigned to an Alibaba/Aliyun secret name',
  description: 'An Alibaba Cloud AccessKey secret, which signs API requests for its AccessKey ID.',
});

const IBM_NAMES = [
  'ibmcloud',
  'ibm_cloud',
  'ibm-cloud',
  'ibm_api',
  'ibm_iam',
  'ic_api_key',
  'bluemix',
] as const;

/** IBM Cloud API key: 44 URL-safe characters assigned to an IBM Cloud key name. */
export const ibmCloudApiKey = assignedSecret({
  id: 'ibm-cloud-api-key',
  name: 'IBM Cloud API key',
  severity: 'critical',
  keywords: [...IBM_NAMES],
  names: IBM_NAMES,
  value: '[A-Za-z0-9_-]{44}',
  tail: 'A-Za-z0-9_-',
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['ibm', 'iam', 'apikey', 'ic_api_key', 'bluemix'],
  validator: 'entropy',
  example: '44 of A-Za-z0-9_- assigned to an IBM Cloud name (`IBMCLOUD_API_KEY`)',
  description: 'An IBM Cloud IAM API key, which exchanges for tokens with the owner’s access.',
});

const ORACLE_NAMES = [
  'oci_auth_token',
  'oci_secret',
  'oci_customer_secret',
  'oracle_auth_token',
  'oracle_secret',
  'oracle_cloud_secret',
] as const;

/** Oracle Cloud (OCI) auth token or customer secret key assigned to an OCI/Oracle secret name. */
export const oracleCloudSecret = assignedSecret({
  id: 'oracle-cloud-secret',
  name: 'Oracle Cloud auth token or secret key',
  severity: 'critical',
  keywords: [...ORACLE_NAMES],
  names: ORACLE_NAMES,
  value: '[A-Za-z0-9+/=_.:;#()<>\\[\\]{}!%&*-]{20,44}',
  tail: 'A-Za-z0-9+/=_.:;#()<>\\[\\]{}!%&*-',
  quality: { minEntropy: 3.3, minClasses: 3 },
  contextWords: ['oci', 'oracle', 'tenancy'],
  validator: 'entropy',
  example: '20-44 printable characters assigned to an OCI secret name (`OCI_AUTH_TOKEN`)',
  description: 'An OCI auth token (Swift, registry) or customer secret key (S3-compatible API).',
});

/** DigitalOcean personal access token (`dop_v1_` + 64 hex). */
export const digitaloceanPat = shapedToken({
  id: 'digitalocean-personal-access-token',
  name: 'DigitalOcean personal access token',
  severity: 'critical',
  keywords: ['dop_v1_'],
  token: 'dop_v1_[a-f0-9]{64}',
  randomFrom: 7,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['digitalocean', 'doctl', 'do_token'],
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`dop_v1_` + 64 hex',
  description: 'A DigitalOcean API token with the scopes of its owner.',
});

/** DigitalOcean OAuth access token (`doo_v1_` + 64 hex). */
export const digitaloceanOauthToken = shapedToken({
  id: 'digitalocean-oauth-token',
  name: 'DigitalOcean OAuth access token',
  severity: 'critical',
  keywords: ['doo_v1_'],
  token: 'doo_v1_[a-f0-9]{64}',
  randomFrom: 7,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['digitalocean', 'oauth'],
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`doo_v1_` + 64 hex',
  description: 'A DigitalOcean OAuth access token issued to an application.',
});

/** DigitalOcean OAuth refresh token (`dor_v1_` + 64 hex). */
export const digitaloceanRefreshToken = shapedToken({
  id: 'digitalocean-refresh-token',
  name: 'DigitalOcean OAuth refresh token',
  severity: 'critical',
  keywords: ['dor_v1_'],
  token: 'dor_v1_[a-f0-9]{64}',
  randomFrom: 7,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['digitalocean', 'refresh'],
  mask: { keepStart: 7, keepEnd: 4 },
  validator: 'entropy',
  example: '`dor_v1_` + 64 hex',
  description: 'A DigitalOcean OAuth refresh token, which mints new access tokens.',
});

/** Linode (Akamai) API token: 64 hex assigned to a Linode name. */
export const linodeApiToken = assignedSecret({
  id: 'linode-api-token',
  name: 'Linode API token',
  severity: 'critical',
  keywords: ['linode_token', 'linode_api', 'linode_cli_token', 'linode_access_token', 'linode_pat'],
  names: ['linode_token', 'linode_api', 'linode_cli_token', 'linode_access_token', 'linode_pat'],
  value: '[a-f0-9]{64}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['linode', 'akamai', 'token'],
  validator: 'entropy',
  example: '64 hex assigned to a Linode token name (`LINODE_TOKEN`)',
  description: 'A Linode personal access token with the scopes of its owner.',
});

/** Hetzner Cloud API token: 64 alphanumerics assigned to an `hcloud`/Hetzner name. */
export const hetznerApiToken = assignedSecret({
  id: 'hetzner-api-token',
  name: 'Hetzner Cloud API token',
  severity: 'critical',
  keywords: ['hcloud', 'hetzner'],
  names: ['hcloud', 'hetzner'],
  value: '[A-Za-z0-9]{64}',
  tail: 'A-Za-z0-9',
  quality: { minEntropy: 4, minClasses: 3 },
  contextWords: ['hetzner', 'hcloud', 'token'],
  validator: 'entropy',
  example: '64 base62 assigned to an `hcloud`/Hetzner name',
  description: 'A Hetzner Cloud project API token (read or read-write).',
});

/** Scaleway access key (`SCW` + 17 upper-case alphanumerics). */
export const scalewayAccessKey = shapedToken({
  id: 'scaleway-access-key',
  name: 'Scaleway access key',
  severity: 'medium',
  keywords: ['scw'],
  token: 'SCW[A-Z0-9]{17}',
  tail: 'A-Za-z0-9',
  randomFrom: 3,
  quality: { minEntropy: 3, minClasses: 1 },
  contextWords: ['scaleway', 'scw_access_key', 'access_key'],
  validator: 'entropy',
  example: '`SCW` + 17 of A-Z0-9',
  description: 'A Scaleway access key id; dangerous together with its secret key.',
});

/** Scaleway secret key: a UUID assigned to a Scaleway secret name (`SCW_SECRET_KEY`). */
export const scalewaySecretKey = assignedSecret({
  id: 'scaleway-secret-key',
  name: 'Scaleway secret key',
  severity: 'critical',
  keywords: ['scw_secret', 'scaleway_secret'],
  names: ['scw_secret', 'scaleway_secret'],
  value: UUID,
  tail: 'A-Za-z0-9-',
  quality: { minEntropy: 3, minClasses: 1 },
  check: uuidLooksReal,
  contextWords: ['scaleway', 'scw'],
  validator: 'UUID, not a placeholder',
  example: 'a UUID assigned to `SCW_SECRET_KEY`',
  description: 'A Scaleway API secret key, which signs requests for its access key.',
});

export const cloudProviderDetectors: readonly Detector[] = [
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  ibmCloudApiKey,
  oracleCloudSecret,
  digitaloceanPat,
  digitaloceanOauthToken,
  digitaloceanRefreshToken,
  linodeApiToken,
  hetznerApiToken,
  scalewayAccessKey,
  scalewaySecretKey,
];
