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

export const samples: FamilySamples = {
  'private-key-pem': {
    truePositives: [(r) => plantedPem(pick(r, ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY']), r)],
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
