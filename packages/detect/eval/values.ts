import { isValidIBAN } from 'ibantools';
import { phoneValid } from '../src/detectors/phone.ts';
import { tokenChecksum } from '../src/validators/github-checksum.ts';
import { ibanMod97 } from '../src/validators/iban.ts';
import { luhnCheckDigit } from '../src/validators/luhn.ts';
import { dniLetter } from '../src/validators/national-ids.ts';
import { isPlaceholder } from '../src/validators/placeholder.ts';
import { verhoeffCheckDigit } from '../src/validators/verhoeff.ts';
import {
  ALNUM,
  BASE64,
  BASE64URL,
  chars,
  DIGITS,
  digits,
  HEX,
  int,
  LOWER,
  pick,
  type Rng,
  UPPER,
} from './random.ts';

/** A planted value: the raw secret or identifier, and the text that carries it. */
export interface Planted {
  value: string;
  /** The line(s) to write; contains `value` exactly once. */
  text: string;
  /** Field name for structured formats (CSV column, JSON key). */
  field: string;
}

function real(rng: Rng, make: () => string): string {
  for (;;) {
    const v = make();
    if (!isPlaceholder(v)) return v;
    void rng;
  }
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function luhnNumber(prefix: string, length: number, rng: Rng): string {
  const body = prefix + digits(rng, length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

function ssnDigits(rng: Rng): string {
  let area = int(rng, 1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}${String(int(rng, 1, 99)).padStart(2, '0')}${String(int(rng, 1, 9999)).padStart(4, '0')}`;
}

function aba(rng: Rng): string {
  const prefix = pick(rng, [
    '01',
    '02',
    '03',
    '04',
    '05',
    '06',
    '07',
    '08',
    '09',
    '10',
    '11',
    '12',
    '21',
    '22',
    '26',
    '31',
    '32',
    '61',
    '67',
    '71',
  ]);
  const body = prefix + digits(rng, 6);
  const weights = [3, 7, 1, 3, 7, 1, 3, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  return body + ((10 - (sum % 10)) % 10);
}

function nhs(rng: Rng): string {
  for (;;) {
    const body = digits(rng, 9);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10 && !/([0-9])\1{4}/.test(body)) return body + check;
  }
}

function bsn(rng: Rng): string {
  for (;;) {
    const body = String(int(rng, 1, 9)) + digits(rng, 7);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(body[i]) * (9 - i);
    const check = sum % 11;
    if (check <= 9) return body + check;
  }
}

function ibanFor(rng: Rng): string {
  for (;;) {
    const country = pick(rng, ['DE', 'GB', 'NL', 'FR', 'IT', 'ES']);
    const bban =
      country === 'DE'
        ? digits(rng, 18)
        : country === 'GB'
          ? chars(rng, UPPER, 4) + digits(rng, 14)
          : country === 'NL'
            ? chars(rng, UPPER, 4) + digits(rng, 10)
            : country === 'FR'
              ? digits(rng, 10) + chars(rng, UPPER + DIGITS, 11) + digits(rng, 2)
              : country === 'IT'
                ? chars(rng, UPPER, 1) + digits(rng, 10) + chars(rng, UPPER + DIGITS, 12)
                : digits(rng, 20);
    const check = 98 - ibanMod97(`${country}00${bban}`);
    const iban = `${country}${String(check).padStart(2, '0')}${bban}`;
    if (isValidIBAN(iban)) return iban;
  }
}

function phone(rng: Rng): string {
  for (;;) {
    const v = pick(rng, [
      () =>
        `(${pick(rng, ['212', '415', '617', '303', '512', '206'])}) ${int(rng, 201, 989)}-${digits(rng, 4)}`,
      () =>
        `${pick(rng, ['212', '415', '617', '303', '512', '206'])}-${int(rng, 201, 989)}-${digits(rng, 4)}`,
      () => `+44 20 ${int(rng, 3000, 8999)} ${digits(rng, 4)}`,
      () => `+49 30 ${int(rng, 2000000, 9999999)}`,
      () => `+33 1 ${int(rng, 10, 99)} ${int(rng, 10, 99)} ${int(rng, 10, 99)} ${int(rng, 10, 99)}`,
      () => `+1 ${pick(rng, ['212', '415', '617'])} ${int(rng, 201, 989)} ${digits(rng, 4)}`,
      () => `${pick(rng, ['212', '415', '617'])}.${int(rng, 201, 989)}.${digits(rng, 4)}`,
    ])();
    if (phoneValid(v) && !v.includes('-555-') && !v.includes(') 555-')) return v;
  }
}

function publicIpv4(rng: Rng): string {
  for (;;) {
    const a = int(rng, 1, 223);
    if ([10, 127, 169, 172, 192, 198, 203, 100].includes(a)) continue;
    return `${a}.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`;
  }
}

function dateOfBirth(rng: Rng): string {
  const y = int(rng, 1940, 2005);
  const m = int(rng, 1, 12);
  const d = int(rng, 1, 28);
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const month = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ][m - 1];
  return pick(rng, [`${y}-${mm}-${dd}`, `${dd}/${mm}/${y}`, `${month} ${d}, ${y}`, `${d} ${month} ${y}`]);
}

function pem(kind: string, rng: Rng): string {
  const lines = [0, 1, 2, 3].map(() => chars(rng, BASE64, 64));
  return `-----BEGIN ${kind}-----\n${lines.join('\n')}\n-----END ${kind}-----`;
}

type Generator = (rng: Rng) => Planted;

const plant = (field: string, text: (v: string) => string, value: string): Planted => ({
  value,
  text: text(value),
  field,
});

/** True-value generators, one per detector id. */
const RAW_TRUE_VALUES: Record<string, Generator> = {
  'aws-access-key-id': (r) =>
    plant('aws_access_key_id', (v) => `aws_access_key_id = ${v}`, `AKIA${chars(r, `${UPPER}234567`, 16)}`),
  'aws-secret-access-key': (r) =>
    plant('aws_secret_access_key', (v) => `aws_secret_access_key = ${v}`, chars(r, BASE64, 40)),
  'github-token': (r) => {
    const random = chars(r, ALNUM, 30);
    return plant(
      'token',
      (v) => `GITHUB_TOKEN=${v}`,
      `${pick(r, ['ghp', 'gho', 'ghu', 'ghs', 'ghr'])}_${random}${tokenChecksum(random)}`,
    );
  },
  'github-fine-grained-pat': (r) =>
    plant('token', (v) => `token: ${v}`, `github_pat_${chars(r, ALNUM, 22)}_${chars(r, ALNUM, 59)}`),
  'gitlab-token': (r) => plant('gitlab_token', (v) => `PRIVATE-TOKEN: ${v}`, `glpat-${chars(r, ALNUM, 20)}`),
  'slack-token': (r) =>
    plant(
      'slack',
      (v) => `SLACK_BOT_TOKEN=${v}`,
      `xoxb-${digits(r, 11)}-${digits(r, 12)}-${chars(r, ALNUM, 24)}`,
    ),
  'slack-webhook-url': (r) =>
    plant(
      'webhook',
      (v) => `webhook: ${v}`,
      `https://hooks.slack.com/services/T${chars(r, UPPER + DIGITS, 9)}/B${chars(r, UPPER + DIGITS, 9)}/${chars(r, ALNUM, 24)}`,
    ),
  'stripe-secret-key': (r) =>
    plant(
      'stripe_key',
      (v) => `STRIPE_SECRET_KEY=${v}`,
      `${pick(r, ['sk', 'rk'])}_live_${chars(r, ALNUM, int(r, 24, 99))}`,
    ),
  'google-api-key': (r) =>
    plant('google_api_key', (v) => `maps key ${v}`, `AIza${chars(r, `${ALNUM}-_`, 35)}`),
  'gcp-service-account': (r) =>
    plant(
      'credentials',
      (v) => `{"type": "service_account", "project_id": "demo-${digits(r, 4)}", "private_key_id": "${v}"}`,
      chars(r, HEX, 40),
    ),
  'private-key-pem': (r) => {
    const text = pem(pick(r, ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY']), r);
    return { value: text.slice(0, text.indexOf('-----', 10) + 5 + 1 + 120), text, field: 'key' };
  },
  'private-key-openssh': (r) => {
    const text = pem('OPENSSH PRIVATE KEY', r);
    return { value: text.slice(0, text.indexOf('-----', 10) + 5 + 1 + 120), text, field: 'key' };
  },
  'private-key-pgp': (r) => {
    const text = pem('PGP PRIVATE KEY BLOCK', r);
    return { value: text.slice(0, text.indexOf('-----', 10) + 5 + 1 + 120), text, field: 'key' };
  },
  'private-key-putty': (r) => {
    const value = chars(r, BASE64, 64);
    return {
      value,
      text: `PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPrivate-Lines: 8\n${value}\n${chars(r, BASE64, 64)}`,
      field: 'key',
    };
  },
  jwt: (r) => {
    const header = b64url(JSON.stringify({ alg: pick(r, ['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ sub: chars(r, ALNUM, 12), iat: int(r, 1.6e9, 1.8e9) }));
    return plant(
      'authorization',
      (v) => `Authorization: Bearer ${v}`,
      `${header}.${payload}.${chars(r, BASE64URL, 43)}`,
    );
  },
  'azure-storage-connection-string': (r) => {
    const value = `${chars(r, BASE64, 86)}==`;
    return plant(
      'connection',
      () =>
        `DefaultEndpointsProtocol=https;AccountName=${chars(r, LOWER, 10)};AccountKey=${value};EndpointSuffix=core.windows.net`,
      value,
    );
  },
  'azure-storage-key': (r) =>
    plant('azure_storage_key', (v) => `AZURE_STORAGE_KEY=${v}`, `${chars(r, BASE64, 86)}==`),
  'openai-api-key': (r) =>
    plant('openai', (v) => `OPENAI_API_KEY=${v}`, `sk-proj-${chars(r, BASE64URL, 120)}`),
  'anthropic-api-key': (r) =>
    plant('anthropic', (v) => `ANTHROPIC_API_KEY=${v}`, `sk-ant-api03-${chars(r, BASE64URL, 93)}AA`),
  'npm-token': (r) => {
    const random = chars(r, ALNUM, 30);
    return plant(
      'npmrc',
      (v) => `//registry.npmjs.org/:_authToken=${v}`,
      `npm_${random}${tokenChecksum(random)}`,
    );
  },
  'sendgrid-api-key': (r) =>
    plant(
      'sendgrid',
      (v) => `SENDGRID_API_KEY=${v}`,
      `SG.${chars(r, BASE64URL, 22)}.${chars(r, BASE64URL, 43)}`,
    ),
  'twilio-api-key': (r) => plant('twilio_api_key', (v) => `twilio api key: ${v}`, `SK${chars(r, HEX, 32)}`),
  'twilio-auth-token': (r) => plant('twilio_auth_token', (v) => `TWILIO_AUTH_TOKEN=${v}`, chars(r, HEX, 32)),
  'url-credentials': (r) => {
    const pw = real(r, () => chars(r, ALNUM, 14));
    return plant(
      'url',
      () => `DATABASE_URL=postgres://app_${chars(r, LOWER, 4)}:${pw}@db.internal.corp:5432/app`,
      pw,
    );
  },
  'http-basic-auth': (r) => {
    const value = Buffer.from(`${chars(r, LOWER, 6)}:${chars(r, ALNUM, 14)}`).toString('base64');
    return plant('headers', (v) => `Authorization: Basic ${v}`, value);
  },
  'generic-secret': (r) => {
    const value = real(r, () => chars(r, ALNUM, 1) + chars(r, `${ALNUM}!#%&*@^~`, int(r, 9, 23)));
    return plant(
      'db_password',
      (v) => pick(r, [`db_password = "${v}"`, `SECRET: ${v}`, `"apiKey": "${v}"`]),
      value,
    );
  },
  'payment-card': (r) => {
    const [prefix, len] = pick(r, [
      ['4', 16],
      ['51', 16],
      ['55', 16],
      ['2221', 16],
      ['37', 15],
      ['6011', 16],
      ['4', 19],
      ['3530', 16],
    ] as const);
    const n = luhnNumber(prefix, len, r);
    const amex = `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`;
    const spaced =
      len === 15
        ? pick(r, [n, amex])
        : pick(r, [n, n.replace(/(\d{4})(?=\d)/g, '$1 '), n.replace(/(\d{4})(?=\d)/g, '$1-')]);
    return plant('card_number', (v) => pick(r, [`card: ${v}`, `paid with ${v} on file`, `cc=${v}`]), spaced);
  },
  iban: (r) => plant('iban', (v) => `IBAN ${v}`, ibanFor(r)),
  'us-ssn': (r) => {
    const d = ssnDigits(r);
    const formatted = pick(r, [
      `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`,
      `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
      d,
    ]);
    return plant(
      'ssn',
      (v) => pick(r, [`SSN: ${v}`, `social security number ${v}`, `employee ssn=${v};`]),
      formatted,
    );
  },
  'us-itin': (r) =>
    plant(
      'itin',
      (v) => `ITIN ${v}`,
      `9${digits(r, 2)}-${int(r, 70, 88)}-${String(int(r, 1, 9999)).padStart(4, '0')}`,
    ),
  'aba-routing-number': (r) => plant('routing_number', (v) => `routing number: ${v}`, aba(r)),
  email: (r) =>
    plant(
      'email',
      (v) => `contact: ${v}`,
      `${chars(r, LOWER, 6)}.${chars(r, LOWER, 7)}@${pick(r, ['gmail.com', 'acme-corp.io', 'mail.example-shop.de', 'outlook.com'])}`,
    ),
  'phone-number': (r) => plant('phone', (v) => `phone: ${v}`, phone(r)),
  'ipv4-address': (r) => plant('client_ip', (v) => `client_ip=${v}`, publicIpv4(r)),
  'ipv6-address': (r) =>
    plant(
      'addr',
      (v) => `remote ${v}`,
      `2a00:${chars(r, HEX, 4).replace(/^0+/, '1')}:${chars(r, HEX, 3)}::${chars(r, HEX, 2)}`,
    ),
  'date-of-birth': (r) =>
    plant(
      'dob',
      (v) => pick(r, [`Date of birth: ${v}`, `DOB ${v}`, `born on ${v} in Leeds`, `"birthdate": "${v}"`]),
      dateOfBirth(r),
    ),
  'uk-nhs-number': (r) => {
    const n = nhs(r);
    return plant('nhs_number', (v) => `NHS number: ${v}`, `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`);
  },
  'canada-sin': (r) => {
    const n = luhnNumber(String(pick(r, [1, 2, 3, 4, 5, 6, 7, 9])), 9, r);
    return plant('sin', (v) => `SIN: ${v}`, `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`);
  },
  'nl-bsn': (r) => plant('bsn', (v) => `BSN: ${v}`, bsn(r)),
  'es-dni': (r) => {
    const n = int(r, 10000000, 99999999);
    return plant('dni', (v) => `DNI ${v}`, `${n}${dniLetter(n)}`);
  },
  'in-aadhaar': (r) => {
    const body = String(int(r, 2, 9)) + digits(r, 10);
    const n = body + verhoeffCheckDigit(body);
    return plant('aadhaar', (v) => `Aadhaar: ${v}`, `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`);
  },
};

/** Re-draws a generated secret that happens to look like a placeholder (`0000`, `FAKE`). */
function redrawPlaceholders(gen: Generator): Generator {
  return (rng) => {
    for (;;) {
      const p = gen(rng);
      const body = p.value.startsWith('-----')
        ? ''
        : p.value.replace(/^[a-z]{2,6}[_-]|^(?:AKIA|AIza|SG\.|SK)/, '');
      if (!isPlaceholder(body) && !/([0-9A-Za-z])\1{4}/.test(body)) return p;
    }
  };
}

/** True-value generators, one per detector id. */
export const TRUE_VALUES: Record<string, Generator> = Object.fromEntries(
  Object.entries(RAW_TRUE_VALUES).map(([id, gen]) => [id, redrawPlaceholders(gen)]),
);

/** A near-miss: text that must produce no finding at all. */
export interface NearMiss {
  /** Detectors that the text reaches (their keyword or digit shape is there) and must reject. */
  targets: readonly string[];
  make: (rng: Rng) => string;
}

const near = (targets: readonly string[], make: (rng: Rng) => string): NearMiss => ({ targets, make });

/** `value` with its last character replaced by another one of `alphabet` (a checksum or length near-miss). */
function lastCharChanged(value: string, alphabet: string): string {
  const last = value[value.length - 1];
  return value.slice(0, -1) + (alphabet[0] === last ? alphabet[1] : alphabet[0]);
}

/** Azurite's (the Azure Storage emulator's) published development account key, from parts. */
const AZURITE_KEY = [
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu',
  'Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
].join('');

/** Near-miss generators, by kind. */
export const NEAR_MISSES: Record<string, NearMiss> = {
  'aws documented example key id': near(
    ['aws-access-key-id'],
    () => 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  ),
  'aws documented example secret': near(
    ['aws-secret-access-key'],
    () => `aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'}EXAMPLEKEY`,
  ),
  'github token, bad checksum': near(['github-token'], (r) => {
    const random = chars(r, ALNUM, 30);
    const sum = tokenChecksum(random);
    return `GITHUB_TOKEN=ghp_${random}${sum.slice(0, 5)}${sum[5] === 'A' ? 'B' : 'A'}`;
  }),
  'github token placeholder': near(['github-token'], () => `token: ghp_${'x'.repeat(36)}`),
  'github fine-grained pat, wrong length': near(
    ['github-fine-grained-pat'],
    (r) => `token: github_pat_${chars(r, ALNUM, 22)}_${chars(r, ALNUM, pick(r, [58, 60]))}`,
  ),
  'github fine-grained pat placeholder': near(
    ['github-fine-grained-pat'],
    (r) => `token: github_pat_${pick(r, ['X', 'x', '0'])}${'A'.repeat(21)}_${'x'.repeat(59)}`,
  ),
  'gitlab token, too short or wrong prefix': near(['gitlab-token'], (r) =>
    pick(r, [`PRIVATE-TOKEN: glpat-${chars(r, ALNUM, 19)}`, `PRIVATE-TOKEN: glpak-${chars(r, ALNUM, 20)}`]),
  ),
  'gitlab token placeholder': near(['gitlab-token'], (r) =>
    pick(r, ['PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxxxxxx', 'GITLAB_TOKEN=glpat-<your_access_token>']),
  ),
  'slack token, wrong prefix or placeholder': near(['slack-token'], (r) =>
    pick(r, [
      `SLACK_BOT_TOKEN=xoxz-${digits(r, 11)}-${digits(r, 12)}-${chars(r, ALNUM, 24)}`,
      `SLACK_BOT_TOKEN=xoxb-${'0'.repeat(11)}-${'0'.repeat(12)}-${'x'.repeat(24)}`,
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
    ]),
  ),
  'slack webhook, documented example or wrong length': near(['slack-webhook-url'], (r) =>
    pick(r, [
      `webhook: https://hooks.slack.com/services/T00000000/B00000000/${'X'.repeat(24)}`,
      `webhook: https://hooks.slack.com/services/T${chars(r, UPPER + DIGITS, 9)}/B${chars(r, UPPER + DIGITS, 9)}/${chars(r, ALNUM, 23)}`,
    ]),
  ),
  'google api key, wrong length': near(
    ['google-api-key'],
    (r) => `maps key AIza${chars(r, `${ALNUM}-_`, pick(r, [34, 36]))}`,
  ),
  'google api key placeholder': near(['google-api-key'], (r) =>
    pick(r, [`maps key AIza${'X'.repeat(35)}`, 'GOOGLE_API_KEY=AIzaSy-your-api-key-goes-here-0123456']),
  ),
  'gcp private_key_id, wrong length or placeholder': near(['gcp-service-account'], (r) =>
    pick(r, [
      `{"type": "service_account", "private_key_id": "${chars(r, HEX, 39)}"}`,
      `{"type": "service_account", "private_key_id": "${chars(r, HEX, 41)}"}`,
      `{"type": "service_account", "private_key_id": "${'0'.repeat(40)}"}`,
      '{"type": "service_account", "private_key_id": "your-private-key-id"}',
    ]),
  ),
  'openssh public key and placeholder private key': near(['private-key-openssh'], (r) =>
    pick(r, [
      `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${chars(r, BASE64, 43)} deploy@build-01`,
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${'A'.repeat(70)}\n-----END OPENSSH PRIVATE KEY-----`,
      '-----BEGIN OPENSSH PRIVATE KEY-----\n<paste your private key here>\n-----END OPENSSH PRIVATE KEY-----',
    ]),
  ),
  'pgp public key block and placeholder private block': near(['private-key-pgp'], (r) =>
    pick(r, [
      `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${chars(r, BASE64, 64)}\n${chars(r, BASE64, 64)}\n-----END PGP PUBLIC KEY BLOCK-----`,
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${'x'.repeat(64)}\n${'x'.repeat(64)}\n-----END PGP PRIVATE KEY BLOCK-----`,
    ]),
  ),
  'putty public lines and placeholder private lines': near(['private-key-putty'], (r) =>
    pick(r, [
      `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\n${chars(r, BASE64, 64)}\n`,
      `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${'A'.repeat(64)}\n`,
    ]),
  ),
  'azure storage key, emulator key, bad padding or placeholder': near(['azure-storage-key'], (r) =>
    pick(r, [
      `AZURE_STORAGE_KEY=${AZURITE_KEY}`,
      `AZURE_STORAGE_KEY=${chars(r, BASE64, 87)}=`,
      `AZURE_STORAGE_KEY=${'A'.repeat(86)}==`,
      'AZURE_STORAGE_KEY=<your-storage-account-key>',
    ]),
  ),
  'azure connection string, emulator or placeholder key': near(['azure-storage-connection-string'], (r) =>
    pick(r, [
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
      'DefaultEndpointsProtocol=https;AccountName=mystorage;AccountKey=<account-key>;EndpointSuffix=core.windows.net',
      `DefaultEndpointsProtocol=https;AccountName=mystorage;AccountKey=${chars(r, BASE64, 85)}==;EndpointSuffix=core.windows.net`,
    ]),
  ),
  'openai key, too short, legacy without marker, or placeholder': near(['openai-api-key'], (r) =>
    pick(r, [
      `OPENAI_API_KEY=sk-proj-${chars(r, BASE64URL, 39)}`,
      `OPENAI_API_KEY=sk-${chars(r, ALNUM, 48)}`,
      `OPENAI_API_KEY=sk-proj-${'x'.repeat(48)}`,
      'OPENAI_API_KEY=sk-proj-your-api-key-here-replace-me-with-the-real-one',
    ]),
  ),
  'anthropic key, too short, unknown kind, or placeholder': near(['anthropic-api-key'], (r) =>
    pick(r, [
      `ANTHROPIC_API_KEY=sk-ant-api03-${chars(r, BASE64URL, 79)}`,
      `ANTHROPIC_API_KEY=sk-ant-key03-${chars(r, BASE64URL, 95)}`,
      `ANTHROPIC_API_KEY=sk-ant-api03-${'x'.repeat(95)}`,
    ]),
  ),
  'sendgrid key, wrong length or placeholder': near(['sendgrid-api-key'], (r) =>
    pick(r, [
      `SENDGRID_API_KEY=SG.${chars(r, BASE64URL, 22)}.${chars(r, BASE64URL, 42)}`,
      `SENDGRID_API_KEY=SG.${chars(r, BASE64URL, 22)}.${chars(r, BASE64URL, 44)}`,
      `SENDGRID_API_KEY=SG.${'x'.repeat(22)}.${'x'.repeat(43)}`,
    ]),
  ),
  'twilio key sid, account sid, wrong length or placeholder': near(['twilio-api-key'], (r) =>
    pick(r, [
      `twilio account sid: AC${chars(r, HEX, 32)}`,
      `twilio api key: SK${chars(r, HEX, 31)}`,
      `twilio api key: SK${'X'.repeat(32)}`,
      `twilio api key: SK${'0'.repeat(32)}`,
    ]),
  ),
  'twilio auth token, wrong length or placeholder': near(['twilio-auth-token'], (r) =>
    pick(r, [
      `TWILIO_AUTH_TOKEN=${chars(r, HEX, 31)}`,
      `TWILIO_AUTH_TOKEN=${chars(r, HEX, 33)}`,
      `TWILIO_AUTH_TOKEN=${'0'.repeat(32)}`,
      'TWILIO_AUTH_TOKEN=your_auth_token',
    ]),
  ),
  'itin with an unassigned group': near(
    ['us-itin'],
    (r) =>
      `ITIN 9${digits(r, 2)}-${pick(r, ['89', '93', '66', '69'])}-${String(int(r, 1, 9999)).padStart(4, '0')}`,
  ),
  'itin with serial 0000 or without context': near(['us-itin'], (r) =>
    pick(r, [
      `ITIN 9${digits(r, 2)}-${int(r, 70, 88)}-0000`,
      `order 9${digits(r, 2)}${int(r, 70, 88)}${digits(r, 4)} shipped`,
    ]),
  ),
  'npm token, bad checksum': near(['npm-token'], (r) => {
    const random = chars(r, ALNUM, 30);
    return `_authToken=${lastCharChanged(`npm_${random}${tokenChecksum(random)}`, ALNUM)}`;
  }),
  'stripe publishable key': near([], (r) => `STRIPE_PUBLISHABLE_KEY=pk_live_${chars(r, ALNUM, 24)}`),
  'stripe placeholder': near(['stripe-secret-key'], () => `STRIPE_SECRET_KEY=sk_live_${'x'.repeat(24)}`),
  'password placeholder': near(['generic-secret'], (r) =>
    pick(r, [
      'password = changeme',
      'password: "<your-password>"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell reference is the input
      'DB_PASSWORD=${DB_PASSWORD}',
      'secret: {{ vault_secret }}',
      'api_key = "YOUR_API_KEY_HERE"',
      'password: null',
      'password = process.env.DB_PASSWORD',
      'secret = "xxxxxxxxxxxx"',
    ]),
  ),
  'url with placeholder password': near(
    ['url-credentials'],
    () => 'postgres://user:password@localhost:5432/app',
  ),
  'basic auth placeholder': near(
    ['http-basic-auth'],
    () => `Authorization: Basic ${Buffer.from('user:password').toString('base64')}`,
  ),
  uuid: near(
    ['ipv6-address', 'phone-number'],
    (r) =>
      `request_id=${chars(r, HEX, 8)}-${chars(r, HEX, 4)}-4${chars(r, HEX, 3)}-a${chars(r, HEX, 3)}-${chars(r, HEX, 12)}`,
  ),
  'version string': near(['ipv4-address'], (r) =>
    pick(r, [
      `version ${int(r, 1, 9)}.${int(r, 0, 20)}.${int(r, 0, 20)}.${int(r, 0, 99)}`,
      `v${int(r, 1, 9)}.${int(r, 0, 9)}.${int(r, 0, 9)}.${int(r, 1, 9)}`,
    ]),
  ),
  'git sha and sha256': near([], (r) => `commit ${chars(r, HEX, 40)} sha256:${chars(r, HEX, 64)}`),
  'card failing luhn': near(['payment-card'], (r) => {
    const n = luhnNumber('4', 16, r);
    return `card: ${n.slice(0, 15)}${(Number(n[15]) + 1) % 10}`;
  }),
  'test card filler': near(['payment-card'], () => 'card: 4111111111111111'),
  'iban bad check digits': near(['iban'], (r) => {
    const v = ibanFor(r);
    return `IBAN ${v.slice(0, 2)}${String((Number(v.slice(2, 4)) % 97) + 1).padStart(2, '0')}${v.slice(4)}`;
  }),
  'invalid ssn': near(
    ['us-ssn'],
    (r) =>
      `SSN: ${pick(r, ['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', '078-05-1120'])}`,
  ),
  'advertised ssn': near(['us-ssn'], () => 'SSN: 123-45-6789'),
  'routing number bad checksum': near(['aba-routing-number'], (r) => {
    const v = aba(r);
    return `routing number: ${v.slice(0, 8)}${(Number(v[8]) + 1) % 10}`;
  }),
  'nine digits without context': near(
    ['us-ssn', 'aba-routing-number', 'canada-sin', 'nl-bsn'],
    (r) => `order ${ssnDigits(r)} shipped`,
  ),
  'date without birth context': near([], (r) => `created: ${dateOfBirth(r)}`),
  'birth keyword on another line': near(
    ['date-of-birth'],
    (r) => `date of birth: (not given)\ncreated: ${dateOfBirth(r)}`,
  ),
  'documentation ip ranges': near(
    ['ipv4-address'],
    (r) => `server ${pick(r, ['192.0.2.', '198.51.100.', '203.0.113.'])}${int(r, 1, 254)}`,
  ),
  'email at example domain': near(['email'], (r) => `contact: ${chars(r, LOWER, 6)}@example.com`),
  'jwt with bad header': near(
    ['jwt'],
    (r) => `token ${b64url('{"typ":"none"}')}.${b64url('{"a":1}')}.${chars(r, BASE64URL, 20)}`,
  ),
  'nhs bad check digit': near(['uk-nhs-number'], (r) => {
    const n = nhs(r);
    return `NHS number: ${n.slice(0, 9)}${(Number(n[9]) + 1) % 10}`;
  }),
  'sin bad luhn': near(['canada-sin'], (r) => {
    const n = luhnNumber('1', 9, r);
    return `SIN: ${n.slice(0, 8)}${(Number(n[8]) + 1) % 10}`;
  }),
  'dni wrong letter': near(['es-dni'], (r) => {
    const n = int(r, 10000000, 99999999);
    return `DNI ${n}${dniLetter(n + 1)}`;
  }),
  'aadhaar bad check digit': near(['in-aadhaar'], (r) => {
    const body = String(int(r, 2, 9)) + digits(r, 10);
    const bad = (verhoeffCheckDigit(body) + 1) % 10;
    return `Aadhaar: ${body.slice(0, 4)} ${body.slice(4, 8)} ${body.slice(8)}${bad}`;
  }),
  'bsn failing the eleven-test': near(['nl-bsn'], (r) => {
    const v = bsn(r);
    return `BSN: ${v.slice(0, 8)}${(Number(v[8]) + 1) % 10}`;
  }),
  'mac address and time': near(
    ['ipv6-address', 'mac-address'],
    (r) =>
      `mac ${chars(r, HEX, 2)}:${chars(r, HEX, 2)}:${chars(r, HEX, 2)}:${chars(r, HEX, 2)}:${chars(r, HEX, 2)} at 12:${int(r, 10, 59)}:${int(r, 10, 59)}`,
  ),
  'masked values': near(['generic-secret'], (r) =>
    pick(r, [
      'card ************1234',
      'ssn ***-**-6789',
      'password: ********',
      'token: null',
      'iban DE** **** **** 3000',
    ]),
  ),
  'isbn, semver, coordinates, prices': near(['phone-number', 'payment-card', 'ipv4-address'], (r) =>
    pick(r, [
      `ISBN 978-${int(r, 0, 9)}-${digits(r, 3)}-${digits(r, 5)}-${int(r, 0, 9)}`,
      `release ${int(r, 1, 9)}.${int(r, 0, 30)}.${int(r, 0, 30)}`,
      `at ${int(r, 10, 60)}.${digits(r, 4)}, -${int(r, 0, 9)}.${digits(r, 4)}`,
      `total 1,${digits(r, 3)},${digits(r, 3)}.${digits(r, 2)} EUR`,
    ]),
  ),
  timestamps: near(
    ['phone-number', 'ipv6-address'],
    (r) =>
      `at ${int(r, 2020, 2025)}-0${int(r, 1, 9)}-1${int(r, 0, 9)} 1${int(r, 0, 9)}:${int(r, 10, 59)}:${int(r, 10, 59)}.${digits(r, 3)}`,
  ),
  'invalid phone-like numbers': near(
    ['phone-number'],
    (r) => `ticket ${pick(r, ['123', '011', '199'])}-${digits(r, 3)}-${digits(r, 4)}`,
  ),
  'hashes with secret-ish names': near(
    [],
    (r) => `checksum_sha1 = ${chars(r, HEX, 40)} etag "${chars(r, HEX, 32)}"`,
  ),
  'private key placeholder': near(
    ['private-key-pem'],
    () => '-----BEGIN PRIVATE KEY-----\n...your key here...\n-----END PRIVATE KEY-----',
  ),
  'pem public key and certificate': near([], (r) => {
    const kind = pick(r, ['PUBLIC KEY', 'CERTIFICATE', 'RSA PUBLIC KEY']);
    return `-----BEGIN ${kind}-----\n${chars(r, BASE64, 64)}\n${chars(r, BASE64, 64)}\n-----END ${kind}-----`;
  }),
};

// Personal-data families keep their samples beside them (`src/detectors/*.samples.ts`).
for (const family of [
  await import('../src/detectors/national-ids-europe.samples.ts'),
  await import('../src/detectors/national-ids-world.samples.ts'),
  await import('../src/detectors/health-ids.samples.ts'),
  await import('../src/detectors/travel-documents.samples.ts'),
  await import('../src/detectors/bank-accounts.samples.ts'),
  await import('../src/detectors/crypto-wallets.samples.ts'),
  await import('../src/detectors/device-ids.samples.ts'),
]) {
  for (const [id, s] of Object.entries(family.samples)) {
    const [first, second] = s.truePositives;
    if (first) TRUE_VALUES[id] = (r) => (second && r() < 0.5 ? second(r) : first(r));
    s.nearMisses.forEach((m, i) => {
      NEAR_MISSES[`${id} near-miss ${i + 1}`] = near([id], typeof m === 'string' ? () => m : m);
    });
  }
}
