import { ALNUM, chars, DIGITS, HEX, LOWER, pick } from '../../eval/random.ts';
import { b64, carried, plant, ref, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

function secret(r: Rng, n = 14): string {
  return `${chars(r, ALNUM, n - 1)}${chars(r, '!#%*+-_.', 1)}`;
}

/** Random bytes as base64 (padding kept), `n` bytes long. */
function randomB64(r: Rng, n: number, pad = true): string {
  const bytes = Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
  const text = bytes.toString('base64');
  return pad ? text : text.replace(/=+$/, '');
}

/** A Jenkins `{…}` secret body: version 1, a 16-byte IV, then `blocks` AES blocks. */
function jenkinsSecret(r: Rng, blocks: number): string {
  const head = Buffer.alloc(9);
  head[0] = 1;
  head.writeUInt32BE(16, 1);
  head.writeUInt32BE(blocks * 16, 5);
  const rest = Buffer.from(Array.from({ length: 16 + blocks * 16 }, () => Math.floor(r() * 256)));
  return Buffer.concat([head, rest]).toString('base64');
}

export const samples: FamilySamples = {
  'docker-registry-auth': {
    truePositives: [
      (r) =>
        plant(
          'auth',
          (v) => `{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "${v}"\n    }\n  }\n}`,
          b64(`${chars(r, LOWER, 8)}:${secret(r)}`),
        ),
      (r) =>
        plant(
          'auth',
          (v) => `{"auths":{"ghcr.io":{"auth":"${v}"}}}`,
          b64(`${chars(r, LOWER, 6)}:ghp_${chars(r, ALNUM, 36)}`),
        ),
    ],
    nearMisses: [
      '{"auths": {"registry.example.com": {"auth": ""}}, "credsStore": "desktop"}',
      `{"auths": {"r.io": {"auth": "${b64('user:password')}"}}}`,
      `{"auths": {"r.io": {"auth": "${b64('registry.example.com')}"}}}`,
    ],
  },
  'netrc-password': {
    truePositives: [
      (r) =>
        plant(
          'password',
          (v) => `machine api.heroku.com\n  login ${chars(r, LOWER, 6)}@example.com\n  password ${v}`,
          secret(r, 36),
        ),
      (r) =>
        plant(
          'password',
          // A GitHub token of the 40-hex kind (before `ghp_`): only the .netrc line names it.
          (v) => `machine github.com login ${chars(r, LOWER, 7)} password ${v}`,
          chars(r, HEX, 40),
        ),
    ],
    nearMisses: [
      'machine api.heroku.com login me@example.com password <api-key>',
      'machine learning models and password managers',
    ],
  },
  'pgpass-password': {
    truePositives: [
      (r) =>
        plant('pgpass', (v) => `localhost:5432:${chars(r, LOWER, 6)}:${chars(r, LOWER, 6)}:${v}`, secret(r)),
      (r) =>
        plant('pgpass', (v) => `# hostname:port:database:username:password\n*:*:*:postgres:${v}`, secret(r)),
    ],
    nearMisses: [
      'localhost:5432:*:postgres:password',
      (r) => `10:15:${pick(r, ['32', '45'])}:5432:${chars(r, DIGITS, 4)}:x:y`,
    ],
  },
  'windows-unattend-password': {
    truePositives: [
      (r) =>
        plant(
          'unattend',
          (v) =>
            `<UserAccounts>\n  <AdministratorPassword>\n    <Value>${v}</Value>\n    <PlainText>true</PlainText>\n  </AdministratorPassword>\n</UserAccounts>`,
          secret(r),
        ),
      (r) =>
        plant(
          'unattend',
          (v) =>
            `<AutoLogon>\n  <Password>\n    <Value>${v}</Value>\n    <PlainText>false</PlainText>\n  </Password>\n  <Enabled>true</Enabled>\n  <Username>Administrator</Username>\n</AutoLogon>`,
          b64(`${secret(r)}Password`),
        ),
      (r) =>
        plant(
          'unattend',
          (v) =>
            `<Credentials>\n  <Domain>corp.example.com</Domain>\n  <Password>\n    <Value>${v}</Value>\n  </Password>\n  <Username>${chars(r, LOWER, 6)}</Username>\n</Credentials>`,
          secret(r, 16),
        ),
    ],
    nearMisses: [
      '<AdministratorPassword>\n  <Value>*SENSITIVE*DATA*DELETED*</Value>\n  <PlainText>true</PlainText>\n</AdministratorPassword>',
      '<Password>\n  <Value></Value>\n</Password>',
      '<Password><Value>password</Value></Password>',
      `<AdministratorPassword><Value>${ref('ADMIN_PASSWORD')}</Value></AdministratorPassword>`,
      '<PasswordExpires><Value>false</Value></PasswordExpires>',
    ],
  },
  'gpp-cpassword': {
    truePositives: [
      (r) =>
        plant(
          'cpassword',
          (v) =>
            `<User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="LocalAdmin" image="2"><Properties action="U" newName="" fullName="" description="" cpassword="${v}" changeLogon="0" noChange="1" neverExpires="1" acctDisabled="0" userName="LocalAdmin"/></User>`,
          randomB64(r, 32, false),
        ),
      (r) =>
        plant(
          'cpassword',
          (v) =>
            `<NTService clsid="{AB6F0B67-341F-4e51-92F9-005FBFBA1A43}" name="Backup"><Properties startupType="NOCHANGE" serviceName="Backup" accountName="CORP\\svc_backup" cpassword="${v}"/></NTService>`,
          randomB64(r, 48, false),
        ),
    ],
    nearMisses: [
      '<Properties action="U" cpassword="" userName="LocalAdmin"/>',
      '<Properties action="U" cpassword="AAAAAAAAAAAAAAAAAAAAAA" userName="LocalAdmin"/>',
    ],
  },
  'jenkins-encrypted-secret': {
    truePositives: [
      (r) =>
        plant(
          'password',
          (v) =>
            `<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <scope>GLOBAL</scope>\n  <id>deploy</id>\n  <username>deploy</username>\n  <password>{${v}}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>`,
          jenkinsSecret(r, 2),
        ),
      (r) =>
        plant(
          'secret',
          (v) =>
            `<org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n  <id>slack-token</id>\n  <secret>{${v}}</secret>\n</org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>`,
          jenkinsSecret(r, 4),
        ),
      (r) => {
        // An SSH key's secret is longer than the 378 characters read: reported by its start.
        const whole = jenkinsSecret(r, 200);
        return plant(
          'privateKey',
          (v) => `<privateKey>{${v}${whole.slice(v.length)}}</privateKey>`,
          whole.slice(0, 378),
        );
      },
    ],
    nearMisses: [
      (r) => `<password>{AQAAABAAAAA${randomB64(r, 30)}}</password>`,
      '<password>{AQAAABAAAAAQ}</password>',
    ],
  },
  'erlang-cookie': {
    truePositives: carried((r) => secretChars(r, ALNUM, 32), 'erlang_cookie', [
      (v) => `rabbitmq:\n  auth:\n    username: user\n    erlangCookie: ${v}`,
      (v) => `RABBITMQ_ERLANG_COOKIE=${v}`,
      (v) => `    environment:\n      RABBITMQ_ERLANG_COOKIE: "${v}"`,
    ]),
    nearMisses: [
      'erlangCookie: ""',
      `RABBITMQ_ERLANG_COOKIE=${ref('RABBITMQ_ERLANG_COOKIE')}`,
      'existingErlangSecret: rabbitmq-erlang',
    ],
  },
  'magento-crypt-key': {
    truePositives: carried((r) => chars(r, HEX, 32), 'crypt', [
      (v) =>
        `return [\n    'crypt' => [\n        'key' => '${v}'\n    ],\n    'db' => ['table_prefix' => ''],\n];`,
      (v) => `'crypt' => array('key' => '${v}'),`,
    ]),
    nearMisses: ["'crypt' => ['key' => ''],", "'crypt' => ['key' => '00000000000000000000000000000000'],"],
  },
  'postfix-sasl-password': {
    truePositives: carried((r) => secret(r), 'sasl_passwd', [
      (v, r) => `[smtp.gmail.com]:587 ${chars(r, LOWER, 6)}@example.com:${v}`,
      (v) => `# /etc/postfix/sasl_passwd\n[email-smtp.eu-west-1.amazonaws.com]:587 AKIAEXAMPLEUSER:${v}`,
      (v, r) => `smtp.office365.com:587 ${chars(r, LOWER, 5)}@corp.example.org:${v}`,
    ]),
    nearMisses: [
      'relayhost = [smtp.gmail.com]:587',
      '[smtp.gmail.com]:587 user@example.com:password',
      'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd',
    ],
  },
};
