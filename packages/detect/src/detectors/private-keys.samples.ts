import { BASE64, chars, pick, type Rng } from '../../eval/random.ts';
import type { FamilySamples, Planted } from './samples.ts';

function pem(kind: string, rng: Rng): string {
  const lines = [0, 1, 2, 3].map(() => chars(rng, BASE64, 64));
  return `-----BEGIN ${kind}-----\n${lines.join('\n')}\n-----END ${kind}-----`;
}

/** A PEM block; the value is what the detector matches: the armour line and 120 body characters. */
function plantedPem(kind: string, rng: Rng): Planted {
  const text = pem(kind, rng);
  return { value: text.slice(0, text.indexOf('-----', 10) + 5 + 1 + 120), text, field: 'key' };
}

/**
 * The value the detector matches in `text`: the armour line, what ends it (a line break, a
 * ` \\` continuation or one space) and 120 body units, where a ` \\` continuation is one unit.
 */
function matchedPem(text: string): string {
  const start = text.indexOf('-----BEGIN');
  let i = text.indexOf('-----', start + 10) + 5;
  const end = /^(?:\n|[ \t]{0,4}\\\n|[ \t])/.exec(text.slice(i));
  i += end?.[0].length ?? 0;
  for (let units = 0; units < 120; units++) i += text[i] === '\\' && text[i + 1] === '\n' ? 2 : 1;
  return text.slice(start, i);
}

/** A PKCS#8 key as configs carry it: indented in a YAML block, flattened onto one line, or a `.properties` value. */
function carriedPem(carrier: 'yaml' | 'flat' | 'properties', rng: Rng): Planted {
  const lines = [0, 1, 2, 3].map(() => chars(rng, BASE64, 64));
  const armour = (edge: string) => `-----${edge} PRIVATE KEY-----`;
  const text =
    carrier === 'yaml'
      ? `tls:\n  key: |\n    ${[armour('BEGIN'), ...lines, armour('END')].join('\n    ')}\n`
      : carrier === 'flat'
        ? `ssl.key=${[armour('BEGIN'), ...lines, armour('END')].join(' ')}\n`
        : `ssl.keystore.key=${[armour('BEGIN'), ...lines].join(' \\\n  ')} \\\n  ${armour('END')}\n`;
  return { value: matchedPem(text), text, field: 'key' };
}

export const samples: FamilySamples = {
  'private-key-pem': {
    truePositives: [
      (r) => plantedPem(pick(r, ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY']), r),
      (r) => carriedPem('yaml', r),
      (r) => carriedPem('flat', r),
      (r) => carriedPem('properties', r),
    ],
    nearMisses: [
      '-----BEGIN PRIVATE KEY-----\n...your key here...\n-----END PRIVATE KEY-----',
      ...['PUBLIC KEY', 'CERTIFICATE', 'RSA PUBLIC KEY'].map(
        (kind) => (r: Rng) =>
          `-----BEGIN ${kind}-----\n${chars(r, BASE64, 64)}\n${chars(r, BASE64, 64)}\n-----END ${kind}-----`,
      ),
    ],
  },
  'private-key-openssh': {
    truePositives: [(r) => plantedPem('OPENSSH PRIVATE KEY', r)],
    nearMisses: [
      (r) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${chars(r, BASE64, 43)} deploy@build-01`,
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${'A'.repeat(70)}\n-----END OPENSSH PRIVATE KEY-----`,
      '-----BEGIN OPENSSH PRIVATE KEY-----\n<paste your private key here>\n-----END OPENSSH PRIVATE KEY-----',
    ],
  },
  'private-key-pgp': {
    truePositives: [(r) => plantedPem('PGP PRIVATE KEY BLOCK', r)],
    nearMisses: [
      (r) =>
        `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${chars(r, BASE64, 64)}\n${chars(r, BASE64, 64)}\n-----END PGP PUBLIC KEY BLOCK-----`,
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${'x'.repeat(64)}\n${'x'.repeat(64)}\n-----END PGP PRIVATE KEY BLOCK-----`,
    ],
  },
  'private-key-putty': {
    truePositives: [
      (r) => {
        const value = chars(r, BASE64, 64);
        return {
          value,
          text: `PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPrivate-Lines: 8\n${value}\n${chars(r, BASE64, 64)}`,
          field: 'key',
        };
      },
    ],
    nearMisses: [
      (r) =>
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\n${chars(r, BASE64, 64)}\n`,
      `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${'A'.repeat(64)}\n`,
    ],
  },
  'private-key-base64': {
    truePositives: [
      (r) => {
        const kind = pick(r, ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY']);
        const encoded = Buffer.from(`${pem(kind, r)}\n`).toString('base64');
        const field = pick(r, ['client-key-data', 'tls.key']);
        return { value: encoded.slice(0, 200), text: `    ${field}: ${encoded}`, field };
      },
    ],
    nearMisses: [
      ...['CERTIFICATE', 'PUBLIC KEY', 'RSA PUBLIC KEY'].map(
        (kind) => (r: Rng) =>
          `    client-certificate-data: ${Buffer.from(`${pem(kind, r)}\n`).toString('base64')}`,
      ),
      `    tls.key: ${Buffer.from('-----BEGIN PRIVATE KEY-----\n<paste your private key here, base64 encoded>\n-----END PRIVATE KEY-----\n').toString('base64')}`,
    ],
  },
};
