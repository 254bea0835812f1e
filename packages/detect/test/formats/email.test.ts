import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/fingerprint.ts';
import { Scanner } from '../../src/scanner.ts';
import { mutations } from './fuzz.ts';

const KEY = 'email-test';
const scanner = new Scanner({ fingerprintKey: KEY });
const AWS_KEY = 'AKIAQYLPMN5HHHFPZAM2';
const EMAIL = 'maria.lopez@northwind-traders.com';
const SENDER = 'rui.costa@fabrikam-logistics.com';
const PASSWORD = 'Xk9#mQ2$vL7pR4tZ';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');

/** A multipart message: plain text (1.1), HTML (1.2), a CSV attachment (2) and a zip holding a config (3). */
function message(subject = 'Quarterly numbers'): string {
  const csv = Buffer.from(`name,email\nMaria,${EMAIL}\nAnn,ann at example\n`);
  const zip = zipSync({ 'deploy/config.ini': Buffer.from(`[aws]\naws_access_key_id = ${AWS_KEY}\n`) });
  return [
    `From: Rui Costa <${SENDER}>`,
    'To: Finance <finance@fabrikam-logistics.com>',
    `Subject: ${subject}`,
    'Date: Mon, 7 Dec 2026 10:00:00 +0000',
    'Message-ID: <q4@fabrikam-logistics.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello, the figures are attached. Nothing secret here.',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    `<html><body><p>The database <b>password</b> =3D "${PASSWORD}"</p></body></html>`,
    '--alt--',
    '--outer',
    'Content-Type: text/csv; name="customers.csv"',
    'Content-Disposition: attachment; filename="customers.csv"',
    'Content-Transfer-Encoding: base64',
    '',
    base64(csv),
    '--outer',
    'Content-Type: application/zip; name="deploy.zip"',
    'Content-Disposition: attachment; filename="deploy.zip"',
    'Content-Transfer-Encoding: base64',
    '',
    base64(zip),
    '--outer--',
    '',
  ].join('\r\n');
}

describe('e-mail (.eml)', () => {
  it('streams a long body in pieces: a value across piece boundaries is found once, in its part', async () => {
    const body = `${'lorem ipsum dolor sit amet\r\n'.repeat(40_000)}deploy key ${AWS_KEY} for ${EMAIL}\r\nbye\r\n`;
    const eml = Buffer.from(
      `From: ${SENDER}\r\nSubject: long\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`,
    );
    const chunks: Buffer[] = [];
    for (let i = 0; i < eml.length; i += 997) chunks.push(eml.subarray(i, i + 997));
    const result = await scanner.scanObject(chunks, { name: 'long.eml' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(
      result.findings.filter((f) => f.detector === 'aws-access-key-id').map((f) => f.location.part),
    ).toEqual(['1']);
    expect(result.findings.find((f) => f.fingerprint === fingerprint(KEY, EMAIL))?.location.part).toBe('1');
    expect(result.findings.find((f) => f.fingerprint === fingerprint(KEY, SENDER))?.location.part).toBe(
      'header:From',
    );
  });

  it('locates header values, body parts by MIME path and attachments by name', async () => {
    const result = await scanner.scanObject([Buffer.from(message())], { name: 'q4.eml' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    const find = (detector: string, fp: string) =>
      result.findings.find((f) => f.detector === detector && f.fingerprint === fingerprint(KEY, fp))
        ?.location;
    expect(find('email', SENDER)).toMatchObject({ part: 'header:From' });
    expect(find('generic-secret', PASSWORD)).toMatchObject({ part: '1.2' });
    expect(find('email', EMAIL)).toMatchObject({
      archive_path: 'customers.csv',
      row: 1,
      column_name: 'email',
    });
    expect(find('aws-access-key-id', AWS_KEY)).toMatchObject({
      archive_path: 'deploy.zip!deploy/config.ini',
    });
    expect(result.findings.filter((f) => f.location.part === '1.1')).toEqual([]);
  });

  it('counts an attachment toward the archive depth limit', async () => {
    const shallow = new Scanner({ fingerprintKey: KEY, limits: { maxArchiveDepth: 1 } });
    const result = await shallow.scanObject([Buffer.from(message())], { name: 'q4.eml' });
    expect(result).toMatchObject({ status: 'PARTIAL', reason: 'ARCHIVE_TOO_DEEP' });
  });

  it('reads a message inside a zip with the attachment under the message', async () => {
    const zip = zipSync({ 'mail/q4.eml': Buffer.from(message()) });
    const result = await scanner.scanObject([zip], { name: 'mail.zip' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    const key = result.findings.find((f) => f.detector === 'aws-access-key-id');
    expect(key?.location.archive_path).toBe('mail/q4.eml!deploy.zip!deploy/config.ini');
  });

  it('survives truncated and bit-flipped messages, never a crash', async () => {
    for (const mutated of mutations(Buffer.from(message()), 40)) {
      const result = await scanner.scanObject([mutated], { name: 'fuzz.eml' });
      if (result.status !== 'COMPLETE') expect(result.reason).toBeDefined();
    }
  });
});

describe('mbox', () => {
  const mbox = [
    'From rui.costa@fabrikam-logistics.com Mon Dec  7 10:00:00 2026',
    message('first').replace(/\r\n/g, '\n'),
    'From nobody Mon Dec  7 11:00:00 2026',
    'From: Ops <ops@fabrikam-logistics.com>',
    'To: Team <team@fabrikam-logistics.com>',
    'Subject: escaped line',
    'Date: Mon, 7 Dec 2026 11:00:00 +0000',
    '',
    '>From the archive: contact kim.lee@contoso-pharma.com',
    '',
  ].join('\n');

  it('splits messages on From lines and reports each message index', async () => {
    const result = await scanner.scanObject([Buffer.from(mbox)], { name: 'inbox' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    const kim = result.findings.find((f) => f.fingerprint === fingerprint(KEY, 'kim.lee@contoso-pharma.com'));
    expect(kim?.location).toMatchObject({ message_index: 1, part: '1' });
    const key = result.findings.find((f) => f.detector === 'aws-access-key-id');
    expect(key?.location).toMatchObject({ archive_path: 'message-0!deploy.zip!deploy/config.ini' });
    const from = result.findings.find((f) => f.fingerprint === fingerprint(KEY, SENDER));
    expect(from?.location).toMatchObject({ message_index: 0, part: 'header:From' });
  });

  it('survives truncated and bit-flipped mailboxes, never a crash', async () => {
    for (const mutated of mutations(Buffer.from(mbox), 30)) {
      const result = await scanner.scanObject([mutated], { name: 'fuzz.mbox' });
      if (result.status !== 'COMPLETE') expect(result.reason).toBeDefined();
    }
  });
});
