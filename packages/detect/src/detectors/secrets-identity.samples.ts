import { ALNUM, chars, DIGITS, HEX, LOWER, pick, UPPER } from '../../eval/random.ts';
import { b64, plant } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const B64URL = `${ALNUM}-_`;

function onePasswordToken(r: Rng): string {
  const claims = {
    signInAddress: 'my.1password.com',
    userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: chars(r, B64URL, 22) },
    email: `${chars(r, LOWER, 12)}@${chars(r, LOWER, 26)}.1passwordserviceaccounts.com`,
    srpX: chars(r, HEX, 64),
    muk: {
      alg: 'A256GCM',
      ext: true,
      k: chars(r, B64URL, 43),
      key_ops: ['encrypt', 'decrypt'],
      kty: 'oct',
      kid: 'mp',
    },
    secretKey: `A3-${chars(r, UPPER + DIGITS, 6)}-${chars(r, UPPER + DIGITS, 6)}-${chars(r, UPPER + DIGITS, 5)}`,
    throttleSecret: { seed: chars(r, HEX, 64), uuid: chars(r, UPPER + DIGITS, 26) },
    deviceUuid: chars(r, LOWER + DIGITS, 26),
  };
  return `ops_${b64(JSON.stringify(claims)).replace(/=+$/, '')}`;
}

function secretKey1p(r: Rng): string {
  const g = (n: number) => chars(r, UPPER + DIGITS, n);
  return `A3-${g(6)}-${g(6)}-${g(5)}-${g(5)}-${g(5)}-${g(5)}`;
}

export const samples: FamilySamples = {
  'vault-service-token': {
    truePositives: [
      (r) => plant('VAULT_TOKEN', (v) => `export VAULT_TOKEN=${v}`, `hvs.CAESI${chars(r, B64URL, 86)}`),
      (r) =>
        plant(
          'X-Vault-Token',
          (v) => `curl -H "X-Vault-Token: ${v}" $VAULT_ADDR/v1/secret/data/app`,
          `hvs.${chars(r, ALNUM, 24)}`,
        ),
    ],
    nearMisses: [
      'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'vault write -f auth/token/create policies=hvs.default',
    ],
  },
  'vault-batch-token': {
    truePositives: [
      (r) => plant('VAULT_TOKEN', (v) => `VAULT_TOKEN=${v}`, `hvb.AAAAAQ${chars(r, B64URL, 140)}`),
      (r) =>
        plant(
          'token',
          (v) => `{"auth": {"client_token": "${v}", "renewable": false}}`,
          `hvb.AAAAAQ${chars(r, B64URL, 200)}`,
        ),
    ],
    nearMisses: [
      (r) => `hvb.${chars(r, ALNUM, 40)} is too short for a batch token`,
      'hvb. tokens are batch tokens',
    ],
  },
  'vault-recovery-token': {
    truePositives: [
      (r) => plant('VAULT_TOKEN', (v) => `VAULT_TOKEN=${v}`, `hvr.${chars(r, ALNUM, 24)}`),
      (r) => plant('recovery_token', (v) => `recovery_token: ${v}`, `hvr.${chars(r, B64URL, 90)}`),
    ],
    nearMisses: ['recovery_token: hvr.<recovery-token>', (r) => `hvr.${chars(r, ALNUM, 10)}`],
  },
  'vault-legacy-token': {
    truePositives: [
      (r) => plant('VAULT_TOKEN', (v) => `VAULT_TOKEN=${v}`, `s.${chars(r, ALNUM, 24)}`),
      (r) =>
        plant(
          'token',
          (v) => `vault:\n  address: https://vault.internal:8200\n  token: ${v}`,
          `s.${chars(r, ALNUM, 24)}`,
        ),
    ],
    nearMisses: [
      'vault config: s.AcceptanceTimeoutSeconds = 30',
      'vault: return s.makeKubeConfigController(args)',
    ],
  },
  'terraform-cloud-token': {
    truePositives: [
      (r) =>
        plant(
          'token',
          (v) => `credentials "app.terraform.io" {\n  token = "${v}"\n}`,
          `${chars(r, ALNUM, 14)}.atlasv1.${chars(r, B64URL, 67)}`,
        ),
      (r) =>
        plant('TFE_TOKEN', (v) => `TFE_TOKEN=${v}`, `${chars(r, ALNUM, 14)}.atlasv1.${chars(r, ALNUM, 60)}`),
    ],
    nearMisses: [
      'token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      (r) => `${chars(r, ALNUM, 14)}.atlasv1.${chars(r, ALNUM, 20)}`,
    ],
  },
  'doppler-personal-token': {
    truePositives: [
      (r) => plant('DOPPLER_TOKEN', (v) => `DOPPLER_TOKEN=${v}`, `dp.pt.${chars(r, ALNUM, 43)}`),
      (r) => plant('token', (v) => `doppler configure set token ${v}`, `dp.pt.${chars(r, ALNUM, 43)}`),
    ],
    nearMisses: [
      'DOPPLER_TOKEN=dp.pt.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'DOPPLER_TOKEN=dp.pt.YOUR_TOKEN',
    ],
  },
  'doppler-service-token': {
    truePositives: [
      (r) =>
        plant(
          'DOPPLER_TOKEN',
          (v) => `DOPPLER_TOKEN=${v}`,
          `dp.st.${pick(r, ['dev', 'stg', 'prd'])}.${chars(r, ALNUM, 43)}`,
        ),
      (r) => plant('DOPPLER_TOKEN', (v) => `  - DOPPLER_TOKEN: "${v}"`, `dp.st.${chars(r, ALNUM, 43)}`),
    ],
    nearMisses: [
      `DOPPLER_TOKEN=dp.st.prd.\${DOPPLER_SERVICE_TOKEN}`,
      (r) => `dp.st.dev.${chars(r, ALNUM, 20)}`,
    ],
  },
  'doppler-service-account-token': {
    truePositives: [
      (r) => plant('DOPPLER_TOKEN', (v) => `DOPPLER_TOKEN=${v}`, `dp.sa.${chars(r, ALNUM, 43)}`),
      (r) => plant('token', (v) => `{"doppler": {"token": "${v}"}}`, `dp.sa.${chars(r, ALNUM, 43)}`),
    ],
    nearMisses: ['dp.sa.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'see dp.sa. tokens in the docs'],
  },
  'doppler-cli-token': {
    truePositives: [
      (r) => plant('token', (v) => `scoped:\n  /:\n    token: ${v}`, `dp.ct.${chars(r, ALNUM, 43)}`),
      (r) => plant('DOPPLER_TOKEN', (v) => `DOPPLER_TOKEN=${v}`, `dp.ct.${chars(r, ALNUM, 43)}`),
    ],
    nearMisses: ['token: dp.ct.<cli-token>', (r) => `dp.ct.${chars(r, ALNUM, 30)}`],
  },
  'doppler-scim-token': {
    truePositives: [
      (r) => plant('SCIM_TOKEN', (v) => `SCIM_TOKEN=${v}`, `dp.scim.${chars(r, ALNUM, 43)}`),
      (r) => plant('bearer', (v) => `Authorization: Bearer ${v}`, `dp.scim.${chars(r, ALNUM, 43)}`),
    ],
    nearMisses: ['SCIM_TOKEN=dp.scim.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'dp.scim.enabled=true'],
  },
  'doppler-audit-token': {
    truePositives: [
      (r) => plant('AUDIT_TOKEN', (v) => `AUDIT_TOKEN=${v}`, `dp.audit.${chars(r, ALNUM, 43)}`),
      (r) => plant('token', (v) => `"token": "${v}"`, `dp.audit.${chars(r, ALNUM, 43)}`),
    ],
    nearMisses: [
      'dp.audit.log_level=debug',
      'AUDIT_TOKEN=dp.audit.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  'onepassword-service-account-token': {
    truePositives: [
      (r) =>
        plant('OP_SERVICE_ACCOUNT_TOKEN', (v) => `export OP_SERVICE_ACCOUNT_TOKEN=${v}`, onePasswordToken(r)),
      (r) =>
        plant(
          'OP_SERVICE_ACCOUNT_TOKEN',
          (v) => `env:\n  OP_SERVICE_ACCOUNT_TOKEN: "${v}"`,
          onePasswordToken(r),
        ),
    ],
    nearMisses: [`OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ${'x'.repeat(300)}`, 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...'],
  },
  'onepassword-secret-key': {
    truePositives: [
      (r) => plant('secret_key', (v) => `1Password secret key: ${v}`, secretKey1p(r)),
      (r) => plant('OP_SECRET_KEY', (v) => `OP_SECRET_KEY=${v}`, secretKey1p(r)),
    ],
    nearMisses: ['Secret Key: A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX', 'part number A3-100 rev B'],
  },
  'pulumi-access-token': {
    truePositives: [
      (r) => plant('PULUMI_ACCESS_TOKEN', (v) => `PULUMI_ACCESS_TOKEN=${v}`, `pul-${chars(r, HEX, 40)}`),
      (r) =>
        plant(
          'accessToken',
          (v) => `{"accessTokens": {"https://api.pulumi.com": "${v}"}}`,
          `pul-${chars(r, HEX, 40)}`,
        ),
    ],
    nearMisses: [
      'PULUMI_ACCESS_TOKEN=pul-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `pul-${chars(r, HEX, 12)}`,
    ],
  },
  'infracost-api-key': {
    truePositives: [
      (r) => plant('INFRACOST_API_KEY', (v) => `INFRACOST_API_KEY=${v}`, `ico-${chars(r, ALNUM, 32)}`),
      (r) => plant('api_key', (v) => `infracost configure set api_key ${v}`, `ico-${chars(r, ALNUM, 32)}`),
    ],
    nearMisses: ['INFRACOST_API_KEY=ico-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'favicon: ico-16x16.png'],
  },
  'okta-api-token': {
    truePositives: [
      (r) => plant('OKTA_API_TOKEN', (v) => `OKTA_API_TOKEN=${v}`, `00${chars(r, B64URL, 40)}`),
      (r) => plant('okta.client.token', (v) => `okta_client_token: "${v}"`, `00${chars(r, ALNUM, 40)}`),
    ],
    nearMisses: ['OKTA_API_TOKEN={yourApiToken}', 'OKTA_CLIENT_ID=0oa1b2c3d4e5f6g7h8i9'],
  },
  'auth0-client-secret': {
    truePositives: [
      (r) => plant('AUTH0_CLIENT_SECRET', (v) => `AUTH0_CLIENT_SECRET=${v}`, chars(r, B64URL, 64)),
      (r) => plant('auth0_secret', (v) => `auth0_secret: '${v}'`, chars(r, ALNUM, 64)),
    ],
    nearMisses: [
      'AUTH0_CLIENT_SECRET=YOUR_AUTH0_CLIENT_SECRET',
      'AUTH0_SECRET=use [openssl rand -hex 32] to generate a 32 bytes value',
    ],
  },
};
