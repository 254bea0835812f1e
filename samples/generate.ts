/**
 * Regenerates the sample files with planted findings: `npx tsx samples/generate.ts`.
 *
 * Every value is synthetic (seeded, checksummed where the detector validates a checksum) and comes
 * from the detection engine's evaluation generators, so it is detected without being anyone's data.
 * Credentials are written only inside `backups/app-config.tar.gz`, so no credential-shaped text
 * sits in the repository in the clear (push protection reads text, not archives).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../packages/detect/eval/random.ts';
import { TRUE_VALUES } from '../packages/detect/eval/values.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rng = createRng(20261122);
const value = (id: string) => planted(id).value;
const text = (id: string) => planted(id).text;

function planted(id: string) {
  const gen = TRUE_VALUES[id];
  if (!gen) throw new Error(`no generator for ${id}`);
  return gen(rng);
}

/** A PEM block of seeded random base64 (the structure the private-key detector looks for). */
function pem(kind: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const line = () => Array.from({ length: 64 }, () => alphabet[Math.floor(rng() * 64)]).join('');
  return `-----BEGIN ${kind}-----\n${[line(), line(), line(), line()].join('\n')}\n-----END ${kind}-----`;
}

function write(rel: string, content: string | Buffer): void {
  const file = path.join(here, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const names = [
  'Ada Byron',
  'Alan Turing',
  'Grace Hopper',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Ken Thompson',
];

const csvRows = names.map((name) =>
  [name, value('email'), value('phone-number'), value('us-ssn'), value('payment-card'), value('iban')].join(
    ',',
  ),
);
write('customers.csv', `name,email,phone,ssn,card_number,iban\n${csvRows.join('\n')}\n`);

const tickets = names.slice(0, 4).map((name, i) =>
  JSON.stringify({
    ticket: 1000 + i,
    customer: name,
    contact: { email: value('email') },
    body:
      i % 2 === 0 ? `Please update my card. ${text('payment-card')}` : `Wrong IBAN on file. ${text('iban')}`,
  }),
);
write('support/tickets.jsonl', `${tickets.join('\n')}\n`);

write(
  'hr/employees.json',
  `${JSON.stringify(
    {
      employees: names.slice(0, 3).map((name) => ({
        name,
        ssn: value('us-ssn'),
        date_of_birth: planted('date-of-birth').value,
        bank: { routing_number: value('aba-routing-number') },
      })),
    },
    null,
    2,
  )}\n`,
);

write(
  'notes/meeting-notes.txt',
  [
    'Quarterly review, room 4.',
    `Follow up with the auditor: ${text('email')}`,
    `Patient record referenced in the incident: ${text('uk-nhs-number')}`,
    `The old VPN gateway was ${text('ipv4-address')}`,
    '',
  ].join('\n'),
);

write(
  'clean/readme.txt',
  'This folder holds nothing sensitive: every object here should be COMPLETE with no findings.\n',
);

// A 1x1 PNG: binary content the scanner skips with a reason.
write(
  'images/pixel.png',
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

const stage = mkdtempSync(path.join(tmpdir(), 'samples-'));
try {
  const env = [
    '# production settings restored from a laptop backup',
    text('aws-access-key-id'),
    text('aws-secret-access-key'),
    text('github-token'),
    text('stripe-secret-key'),
    text('slack-token'),
    text('openai-api-key'),
    '',
  ].join('\n');
  mkdirSync(path.join(stage, 'app/config'), { recursive: true });
  writeFileSync(path.join(stage, 'app/.env'), env);
  writeFileSync(
    path.join(stage, 'app/config/settings.json'),
    `${JSON.stringify({ database: text('url-credentials').replace(/^DATABASE_URL=/, ''), session: { token: value('jwt') } }, null, 2)}\n`,
  );
  writeFileSync(path.join(stage, 'app/config/deploy-key.pem'), `${pem('RSA PRIVATE KEY')}\n`);
  mkdirSync(path.join(here, 'backups'), { recursive: true });
  execFileSync('tar', [
    '--sort=name',
    '--mtime=2026-01-01',
    '--owner=0',
    '--group=0',
    '-czf',
    path.join(here, 'backups/app-config.tar.gz'),
    '-C',
    stage,
    'app',
  ]);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.stdout.write(`samples written under ${here}\n`);
