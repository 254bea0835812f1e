import avro from 'avsc';
import { strToU8, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/index.ts';
import { CHUNK_BYTES } from '../../src/engine/text-scanner.ts';
import { Scanner } from '../../src/scanner.ts';
import type { Finding } from '../../src/types.ts';
import { pieces } from '../support.ts';
import { findingFor, fingerprintOf, scan, scanner } from './helpers.ts';

/*
 * Secrets in tables found by their column's name: the value alone proves nothing, the header of
 * a CSV file or the column list of a SQL statement does. The generic-secret detector judges
 * each such value as the assignment `column="value"`, so the same names and placeholders count
 * as in a config file: a bcrypt hash stays the hash detector's, a timestamp, a boolean, a
 * `token_type` or a redaction is nothing.
 */

const PASSWORD = 'Orchid96!hFfq';
const TOKEN = 'kX7q2PzR9vTn4LmW8sYb3JcH';
const SECRET = 'f3b9a1c7e2d84b6f9a0c5e7d1b3f8a2c';
const SESSION = '6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f';
const BCRYPT = '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW';
const STAMP = '2024-03-11 10:22:33';

function generic(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.detector === 'generic-secret');
}

describe('secrets found by the name of their column', () => {
  it('reports CSV cells under secret-named headers, located by row and column', async () => {
    const text = [
      'id,email,password,password_hash,password_changed_at,has_password,secret_question,api_token,token_type,reset_token_expires',
      `1,a@example.com,${PASSWORD},${BCRYPT},${STAMP},true,"What was the name of your first pet?",${TOKEN},bearer,${STAMP}`,
      `2,b@example.com,,${BCRYPT},${STAMP},false,Fluffy,,Bearer,`,
      '3,c@example.com,********,,,false,,REDACTED,bearer,',
      '4,d@example.com,changeme,,,false,,NULL,bearer,',
      '',
    ].join('\r\n');
    const findings = await scan(text, 'users.csv');
    const found = generic(findings);
    expect(found.map((f) => f.fingerprint).sort()).toEqual(
      [fingerprintOf(PASSWORD), fingerprintOf(TOKEN)].sort(),
    );
    const password = findingFor(findings, 'generic-secret', PASSWORD)!;
    expect(password.location).toMatchObject({ row: 1, column_index: 2, column_name: 'password', line: 2 });
    expect(password.location.byte_start).toBe(text.indexOf(PASSWORD));
    expect(password.location.byte_end).toBe(text.indexOf(PASSWORD) + PASSWORD.length);
    expect(findingFor(findings, 'generic-secret', TOKEN)?.location.column_name).toBe('api_token');
    // The password_hash column is the hash detector's, not a plaintext password.
    expect(findings.filter((f) => f.detector === 'bcrypt-hash')).toHaveLength(2);
    expect(findingFor(findings, 'generic-secret', BCRYPT)).toBeUndefined();
  });

  it('reads quoted cells with doubled quotes, and TSV', async () => {
    const quoted = 'Qz"9!mK2#vL7pR4t';
    const csv = `user,passwd\nops,"${quoted.replace('"', '""')}"\n`;
    expect(findingFor(await scan(csv, 'a.csv'), 'generic-secret', quoted)).toBeDefined();
    const tsv = `client_id\tclient_secret\taccess_token\nweb\t${SECRET}\t${TOKEN}\n`;
    const found = generic(await scan(tsv, 'clients.tsv'));
    expect(found.map((f) => f.location.column_name).sort()).toEqual(['access_token', 'client_secret']);
  });

  it('reports a UUID session token, as a UUID assigned to a token name is reported elsewhere', async () => {
    const csv = `id,session_token,user_id\n${SESSION.replace('6f1c', '0000')},${SESSION},42\n`;
    const found = generic(await scan(csv, 'sessions.csv'));
    expect(found.map((f) => f.fingerprint)).toEqual([fingerprintOf(SESSION)]);
    expect(
      findingFor(await scan(`SESSION_TOKEN=${SESSION}\n`, '.env'), 'generic-secret', SESSION),
    ).toBeDefined();
  });

  it('leaves a table without secret-named columns alone', async () => {
    const csv = `id,name,ref\n1,alpha,${TOKEN}\n2,beta,${SECRET}\n`;
    expect(generic(await scan(csv, 'plain.csv'))).toEqual([]);
  });

  it('reports pg_dump COPY rows by their column list, NULLs and the end marker left alone', async () => {
    const sql = `SET client_encoding = 'UTF8';

COPY public.users (id, email, password_hash, password_changed_at, has_password, api_token, reset_token_expires) FROM stdin;
1\ta@example.com\t${BCRYPT}\t${STAMP}+00\tt\t${TOKEN}\t\\N
2\tb@example.com\t${BCRYPT}\t${STAMP}+00\tf\t\\N\t${STAMP}+00
\\.

COPY public.sessions (id, session_token, token_type) FROM stdin;
9\t${SESSION}\tbearer
\\.

COPY public.audit (id, note) FROM stdin;
1\t${SECRET}
\\.
`;
    const findings = await scan(sql, 'dump.sql');
    expect(
      generic(findings)
        .map((f) => f.fingerprint)
        .sort(),
    ).toEqual([fingerprintOf(TOKEN), fingerprintOf(SESSION)].sort());
    expect(findingFor(findings, 'generic-secret', TOKEN)?.location).toMatchObject({
      byte_start: sql.indexOf(TOKEN),
      line: 4,
      column_name: 'api_token',
    });
    expect(findings.filter((f) => f.detector === 'bcrypt-hash')).toHaveLength(2);
  });

  it('reports INSERT values by the statement column list or an earlier CREATE TABLE', async () => {
    const escaped = "Wint3r'92#RupO";
    const doubled = "Sp'ring24!xQz";
    const sql = `CREATE TABLE \`customers\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`email\` varchar(191) NOT NULL,
  \`password\` varchar(255) NOT NULL DEFAULT '',
  \`remember_token\` varchar(100) DEFAULT NULL,
  \`updated_at\` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO \`customers\` VALUES (1,'a@example.com','${PASSWORD}',NULL,'${STAMP}'),(2,'b@example.com','','${TOKEN}',NOW()),(3,'c@example.com','${escaped.replace("'", "\\'")}',NULL,NULL);
INSERT INTO api_keys (id, label, api_key, api_secret, revoked_at) VALUES (1, 'ERP bridge', '${SECRET}', 'changeme', NULL);
INSERT INTO legacy_users (login, passwd) VALUES ('ops', '${doubled.replace("'", "''")}');
INSERT INTO notes VALUES (1, '${TOKEN.toLowerCase()}X9');
`;
    const found = generic(await scan(sql, 'shop.sql'));
    expect(found.map((f) => f.fingerprint).sort()).toEqual(
      [PASSWORD, TOKEN, escaped, SECRET, doubled].map(fingerprintOf).sort(),
    );
  });

  it('reports a cell that straddles a chunk boundary exactly once, at its offset', async () => {
    const header = 'id,note,password\n';
    for (const shift of [-9, -3, 0, 4]) {
      const rows: string[] = [];
      let size = header.length;
      let i = 0;
      while (size < CHUNK_BYTES - 40) {
        const row = `${i},lorem ipsum dolor,\n`;
        rows.push(row);
        size += row.length;
        i++;
      }
      const pad = 'x'.repeat(CHUNK_BYTES - size + shift - 20);
      const before = `${header}${rows.join('')}${i},${pad},`;
      const text = `${before}${PASSWORD}\n${'7,more,\n'.repeat(20_000)}`;
      for (const piece of [65_536, 7_777]) {
        const result = await scanner.scanObject(pieces(Buffer.from(text), piece), { name: 'big.csv' });
        const found = generic(result.findings);
        expect(found).toHaveLength(1);
        expect(found[0]!.location.byte_start).toBe(before.length);
        expect(found[0]!.location.column_name).toBe('password');
      }
    }
  });

  it('follows a mysqldump extended INSERT longer than a chunk, in any pieces', async () => {
    const head =
      'CREATE TABLE `users` (\n  `id` int NOT NULL,\n  `api_token` varchar(64) DEFAULT NULL\n) ENGINE=InnoDB;\n';
    const tuples = Array.from({ length: 30_000 }, (_, i) => `(${i},'it''s row ${i}')`);
    const at = 17_321;
    tuples[at] = `(${at},'${TOKEN}')`;
    const before = `${head}INSERT INTO \`users\` VALUES ${tuples.slice(0, at).join(',')},(${at},'`;
    const text = `${head}INSERT INTO \`users\` VALUES ${tuples.join(',')};\n`;
    expect(text.length).toBeGreaterThan(3 * CHUNK_BYTES);
    for (const piece of [65_536, 4_099]) {
      const result = await scanner.scanObject(pieces(Buffer.from(text), piece), { name: 'users.sql' });
      const found = generic(result.findings);
      expect(found.map((f) => f.location.byte_start)).toEqual([before.length]);
    }
  });

  it('reports Parquet, XLSX and Avro values under secret-named columns and fields', async () => {
    const parquet = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1, 2, 3], type: 'INT32' },
        { name: 'password_hash', data: [BCRYPT, BCRYPT, ''], type: 'STRING' },
        { name: 'api_token', data: [TOKEN, null, 'REDACTED'], type: 'STRING' },
        { name: 'token_type', data: ['bearer', 'bearer', 'bearer'], type: 'STRING' },
      ],
    });
    const fromParquet = await scanner.scanObject([new Uint8Array(parquet)], { name: 'users.parquet' });
    expect(generic(fromParquet.findings).map((f) => [f.fingerprint, f.location.column_name])).toEqual([
      [fingerprintOf(TOKEN), 'api_token'],
    ]);

    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet = `<worksheet><sheetData>
      <row r="1">${cell('A1', 'login')}${cell('B1', 'Password')}${cell('C1', 'Password changed')}${cell('D1', 'API Key')}</row>
      <row r="2">${cell('A2', 'ops')}${cell('B2', PASSWORD)}${cell('C2', '2024-03-11T10:22:33Z')}${cell('D2', SECRET)}</row>
      <row r="3">${cell('A3', 'dev')}${cell('B3', '********')}${cell('C3', '')}</row>
    </sheetData></worksheet>`;
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types></Types>'),
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="Accounts" sheetId="1" r:id="rId1" xmlns:r="r"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    const fromXlsx = await scanner.scanObject([xlsx], { name: 'accounts.xlsx' });
    expect(generic(fromXlsx.findings).map((f) => [f.fingerprint, f.location.cell])).toEqual([
      [fingerprintOf(PASSWORD), 'B2'],
      [fingerprintOf(SECRET), 'D2'],
    ]);

    const type = avro.Type.forSchema({
      type: 'record',
      name: 'Client',
      fields: [
        { name: 'name', type: 'string' },
        {
          name: 'credentials',
          type: { type: 'record', name: 'Creds', fields: [{ name: 'client_secret', type: 'string' }] },
        },
      ],
    } as never);
    const encoder = new avro.streams.BlockEncoder(type, { codec: 'null' } as never);
    const chunks: Buffer[] = [];
    encoder.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => encoder.on('end', resolve));
    encoder.write({ name: 'billing', credentials: { client_secret: SECRET } });
    encoder.write({ name: 'mobile', credentials: { client_secret: 'changeme' } });
    encoder.end();
    await done;
    const fromAvro = await scanner.scanObject([Buffer.concat(chunks)], { name: 'clients.avro' });
    expect(generic(fromAvro.findings).map((f) => [f.fingerprint, f.location.json_path])).toEqual([
      [fingerprintOf(SECRET), 'credentials.client_secret'],
    ]);
  });

  it('reports nothing by column name when generic-secret is not among the detectors', async () => {
    const s = new Scanner({
      fingerprintKey: 'k',
      detectors: detectors.filter((d) => d.id !== 'generic-secret'),
    });
    const result = await s.scanText(`id,password\n1,${PASSWORD}\n`, 'u.csv');
    expect(result.findings).toEqual([]);
  });
});
