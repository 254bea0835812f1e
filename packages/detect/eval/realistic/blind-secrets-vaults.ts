import { ALNUM, BASE64, chars, HEX, int } from '../random.ts';
import * as v from './blind-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Blind corpus, part 2: files that hold secrets encrypted beside plain ones. Ansible group_vars
 * with `!vault` values next to plain passwords, a whole-file Ansible Vault, a SOPS-encrypted
 * values file and the same file decrypted and committed. Ciphertext, recipients and KMS ARNs
 * are left unlabelled.
 */

function vaultHex(f: FileBuilder, lines: number, indent: string): string {
  return Array.from({ length: lines }, () => `${indent}${chars(f.rng, HEX, 80)}`).join('\n');
}

/** Ansible group_vars: plain vars beside inline `!vault` values and Jinja references. */
export function ansibleGroupVars(f: FileBuilder): string {
  const r = f.rng;
  return `---
ntp_servers:
  - 0.pool.ntp.org
  - 1.pool.ntp.org
app_user: deploy
app_version: 4.2.1
ansible_become_pass: "{{ vault_become_pass }}"
mysql_root_password: ${f.plant(v.password(r).replace(/^[!#%*@^~-]/, 'k'), 'password')}
mysql_users:
  - name: wordpress
    host: "%"
    password: "{{ vault_wordpress_db_password }}"
    priv: "wordpress.*:ALL"
  - name: backup
    host: localhost
    password: "${f.plant(v.password(r), 'password')}"
    priv: "*.*:SELECT,LOCK TABLES"
newrelic_license_key: !vault |
  $ANSIBLE_VAULT;1.1;AES256
${vaultHex(f, 5, '  ')}
smtp_relay_password: !vault |
  $ANSIBLE_VAULT;1.1;AES256
${vaultHex(f, 5, '  ')}
letsencrypt_email: ${f.pii('hostmaster@acme-widgets.dev', 'email')}
authorized_keys:
  - "${v.sshPublic(r, 'deploy@ci')}"
  - "${v.sshPublic(r, 'ana@laptop')}"
backup_s3_bucket: acme-widgets-backups
backup_aws_access_key: ${f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])}
backup_aws_secret_key: ${f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])}
`;
}

/** A whole-file Ansible Vault (negative: ciphertext only). */
export function ansibleVaultFile(f: FileBuilder): string {
  return `$ANSIBLE_VAULT;1.1;AES256\n${vaultHex(f, 24, '')}\n`;
}

function sopsEnc(f: FileBuilder, bytes: number): string {
  const r = f.rng;
  return `ENC[AES256_GCM,data:${v.opensslBase64(r, bytes)},iv:${v.opensslBase64(r, 32)},tag:${v.opensslBase64(r, 16)},type:str]`;
}

/** A SOPS-encrypted values file (negative: every value is `ENC[...]`, recipients are public). */
export function sopsEncrypted(f: FileBuilder): string {
  const r = f.rng;
  const age = `age1${chars(r, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}`;
  return `db:
    user: ${sopsEnc(f, 6)}
    password: ${sopsEnc(f, 24)}
stripe:
    secret_key: ${sopsEnc(f, 107)}
    webhook_secret: ${sopsEnc(f, 38)}
sops:
    kms:
        - arn: arn:aws:kms:eu-west-1:${v.awsAccount(r)}:key/${v.uuid4(r)}
          created_at: "2026-10-02T09:14:51Z"
          enc: AQICAHh${chars(r, BASE64, 180)}==
          aws_profile: ""
    age:
        - recipient: ${age}
          enc: |
            -----BEGIN AGE ENCRYPTED FILE-----
            YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSB${chars(r, BASE64, 21)}
            ${chars(r, BASE64, 64)}
            ${chars(r, BASE64, 64)}
            ${chars(r, BASE64, 40)}
            -----END AGE ENCRYPTED FILE-----
    lastmodified: "2026-11-18T16:40:03Z"
    mac: ENC[AES256_GCM,data:${v.opensslBase64(r, 64)},iv:${v.opensslBase64(r, 32)},tag:${v.opensslBase64(r, 16)},type:str]
    unencrypted_suffix: _unencrypted
    version: 3.8.1
`;
}

/** The same file decrypted and committed by mistake (`sops -d secrets.enc.yaml > secrets.dec.yaml`). */
export function sopsDecrypted(f: FileBuilder): string {
  const r = f.rng;
  return `db:
    user: payments
    password: ${f.plant(chars(r, ALNUM, int(r, 20, 28)), 'password')}
stripe:
    secret_key: ${f.plant(v.stripeLive(r), 'stripe')}
    webhook_secret: ${f.plant(v.stripeWebhook(r), 'stripe webhook')}
`;
}
