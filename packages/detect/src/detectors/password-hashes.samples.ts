import { ALNUM, chars, int, LOWER } from '../../eval/random.ts';
import { plant } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

const CRYPT = `./${ALNUM}`;
const B64 = `${ALNUM}+/`;

export const samples: FamilySamples = {
  'bcrypt-hash': {
    truePositives: [
      (r) => plant('password', (v) => `${chars(r, LOWER, 6)}:${v}`, `$2y$10$${chars(r, CRYPT, 53)}`),
      (r) =>
        plant(
          'encrypted_password',
          (v) => `INSERT INTO users (login, encrypted_password) VALUES ('alice', '${v}');`,
          `$2a$${int(r, 10, 14)}$${chars(r, CRYPT, 53)}`,
        ),
    ],
    nearMisses: [
      'hash = "$2b$12$XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"',
      (r) => `$2b$10$${chars(r, CRYPT, 30)}`,
    ],
  },
  'sha-crypt-hash': {
    truePositives: [
      (r) =>
        plant(
          'shadow',
          (v) => `root:${v}:19700:0:99999:7:::`,
          `$6$${chars(r, CRYPT, 16)}$${chars(r, CRYPT, 86)}`,
        ),
      (r) =>
        plant(
          'password',
          (v) => `    passwd: "${v}"`,
          `$5$rounds=${int(r, 5000, 80000)}$${chars(r, CRYPT, 16)}$${chars(r, CRYPT, 43)}`,
        ),
    ],
    nearMisses: ['root:!:19700:0:99999:7:::', (r) => `$6$${chars(r, CRYPT, 16)}$${chars(r, CRYPT, 40)}`],
  },
  'md5-crypt-hash': {
    truePositives: [
      (r) => plant('htpasswd', (v) => `admin:${v}`, `$apr1$${chars(r, CRYPT, 8)}$${chars(r, CRYPT, 22)}`),
      (r) =>
        plant(
          'password',
          (v) => `user ${chars(r, LOWER, 5)} password ${v}`,
          `$1$${chars(r, CRYPT, 8)}$${chars(r, CRYPT, 22)}`,
        ),
    ],
    nearMisses: ['price: $1$ per unit', (r) => `$apr1$${chars(r, CRYPT, 8)}$${chars(r, CRYPT, 10)}`],
  },
  'cisco-secret-hash': {
    truePositives: [
      (r) =>
        plant(
          'secret',
          (v) => `username netadmin privilege 15 secret 9 ${v}`,
          `$9$${chars(r, CRYPT, 14)}$${chars(r, CRYPT, 43)}`,
        ),
      (r) =>
        plant(
          'secret',
          (v) => `enable algorithm-type sha256 secret 8 ${v}`,
          `$8$${chars(r, CRYPT, 14)}$${chars(r, CRYPT, 43)}`,
        ),
    ],
    nearMisses: ['username admin secret 9 <hash>', 'costs $9$ dollars', 'enable secret 9 $9$salt$'],
  },
  'yescrypt-hash': {
    truePositives: [
      (r) =>
        plant(
          'shadow',
          (v) => `deploy:${v}:19800:0:99999:7:::`,
          `$y$j9T$${chars(r, CRYPT, 22)}$${chars(r, CRYPT, 43)}`,
        ),
      (r) =>
        plant(
          'hashed_password',
          (v) => `hashed_password: '${v}'`,
          `$y$j9T$${chars(r, CRYPT, 24)}$${chars(r, CRYPT, 43)}`,
        ),
    ],
    nearMisses: ['$y$j9T$salt$', 'costs $y$ dollars'],
  },
  'django-password-hash': {
    truePositives: [
      (r) =>
        plant(
          'password',
          (v) => `{"model": "auth.user", "pk": 1, "fields": {"password": "${v}"}}`,
          `pbkdf2_sha256$${pick6(r)}$${chars(r, ALNUM, 22)}$${chars(r, B64, 43)}=`,
        ),
      (r) =>
        plant(
          'password',
          (v) => `INSERT INTO auth_user (password) VALUES ('${v}');`,
          `pbkdf2_sha256$${pick6(r)}$${chars(r, ALNUM, 12)}$${chars(r, B64, 43)}=`,
        ),
    ],
    nearMisses: [
      "PASSWORD_HASHERS = ['django.contrib.auth.hashers.PBKDF2PasswordHasher']",
      'pbkdf2_sha256$600000$salt$hash',
    ],
  },
  'ldap-password-hash': {
    truePositives: [
      (r) => plant('userPassword', (v) => `userPassword: ${v}`, `{SSHA}${chars(r, B64, 32)}`),
      (r) => plant('htpasswd', (v) => `grafana:${v}`, `{SHA}${chars(r, B64, 27)}=`),
      (r) =>
        plant(
          'userPassword',
          (v) => `userPassword:: ${v}`,
          Buffer.from(`{SSHA}${chars(r, B64, 32)}`).toString('base64'),
        ),
    ],
    nearMisses: ['userPassword: {SSHA}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'scheme {SHA} is deprecated'],
  },
  'argon2-hash': {
    truePositives: [
      (r) =>
        plant(
          'hash',
          (v) => `password_hash = "${v}"`,
          `$argon2id$v=19$m=65536,t=3,p=4$${chars(r, B64, 22)}$${chars(r, B64, 43)}`,
        ),
      (r) =>
        plant(
          'password',
          (v) => `admin_password: '${v}'`,
          `$argon2i$v=19$m=4096,t=3,p=1$${chars(r, B64, 16)}$${chars(r, B64, 43)}`,
        ),
    ],
    nearMisses: ['$argon2id$v=19$m=65536,t=3,p=4$', 'algorithm: $argon2id (memory 64 MiB)'],
  },
};

function pick6(r: () => number): string {
  return String([260000, 390000, 600000, 720000, 870000][Math.floor(r() * 5)]);
}
