import { ALNUM, BASE64, chars, LOWER, UPPER } from '../../eval/random.ts';
import { carried, ref, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const password = (r: Rng) => `${secretChars(r, ALNUM, 12)}${chars(r, '!#%^*', 1)}${chars(r, ALNUM, 3)}`;

export const samples: FamilySamples = {
  'user-info-password': {
    truePositives: carried((r) => secretChars(r, `${ALNUM}+/`, 64), 'basic.auth.user.info', [
      (v, r) => `basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=${chars(r, UPPER, 16)}:${v}`,
      (v, r) => `schema.registry.basic.auth.user.info=${chars(r, `${UPPER}0123456789`, 16)}:${v}`,
    ]).concat(
      carried(password, 'npmAuthIdent', [
        (v, r) =>
          `  internal:\n    npmRegistryServer: "https://nexus.example.org/repository/npm/"\n    npmAuthIdent: "${chars(r, LOWER, 6)}-reader:${v}"`,
      ]),
    ),
    nearMisses: [
      `basic.auth.user.info=${ref('SR_KEY')}:${ref('SR_SECRET')}`,
      `npmAuthIdent: "${ref('NPM_AUTH_IDENT')}"`,
      'basic.auth.credentials.source=USER_INFO',
    ],
  },
  'filezilla-password': {
    truePositives: carried(password, 'Pass', [
      (v) =>
        `\t\t\t<User>webmaster</User>\n\t\t\t<Pass encoding="base64">${Buffer.from(v).toString('base64')}</Pass>\n\t\t\t<Logontype>1</Logontype>`,
    ]).map((make) => (r: Rng) => {
      const planted = make(r);
      return { ...planted, value: Buffer.from(planted.value).toString('base64') };
    }),
    nearMisses: [
      (r) =>
        `<Pass encoding="crypt" pubkey="${chars(r, UPPER, 64)}">${chars(r, `${UPPER}0123456789`, 96)}</Pass>`,
      `<Pass encoding="base64">${Buffer.from('password').toString('base64')}</Pass>`,
      (r) => `<Pass encoding="base64">${chars(r, BASE64, 7)}</Pass>`,
    ],
  },
  'kafka-jaas-user-password': {
    truePositives: carried(password, 'sasl.jaas.config', [
      (v) =>
        `KafkaServer {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  username="admin"\n  user_orders="${v}";\n};`,
      (v) =>
        `listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n    user_billing="${v}";`,
    ]),
    nearMisses: [
      'const user_name="alice";',
      'user_agent="Mozilla/5.0"',
      `user_orders="${ref('ORDERS_PASSWORD')}";`,
    ],
  },
  'composer-auth-token': {
    truePositives: carried((r) => secretChars(r, ALNUM, 48), 'bearer', [
      (v) => `{\n    "bearer": {\n        "composer.example.org": "${v}"\n    }\n}`,
      (v) => `COMPOSER_AUTH='{"bearer": {"repo.packagist.com": "${v}"}}'`,
    ]),
    nearMisses: [
      '{"bearer": {"composer.example.org": "%env(COMPOSER_TOKEN)%"}}',
      '"bearer": {"composer.example.org": "xxxxxxxxxxxxxxxx"}',
    ],
  },
};
