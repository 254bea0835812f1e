import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { TRUE_VALUES } from '../../eval/values.ts';
import { luhnCheckDigit } from '../../src/validators/luhn.ts';
import { verhoeffCheckDigit } from '../../src/validators/verhoeff.ts';
import { detectorIds, findingFor, scan } from './helpers.ts';

const rng = createRng(99);
const gen = (id: string) => {
  const g = TRUE_VALUES[id];
  if (!g) throw new Error(id);
  return g(rng);
};

describe('context words', () => {
  it('raise confidence when within ~30 characters, not when farther away', async () => {
    const ssn = '536-22-8451';
    const near = findingFor(await scan(`ssn ${ssn}\n`), 'us-ssn', ssn);
    const far = findingFor(await scan(`ssn${' '.repeat(60)}filler text ${ssn}\n`), 'us-ssn', ssn);
    expect(near?.confidence).toBeGreaterThan(far?.confidence ?? 1);
  });

  it('pair an AWS secret key with a nearby access key id (higher confidence)', async () => {
    const id = gen('aws-access-key-id').value;
    const secret = gen('aws-secret-access-key').value;
    const paired = await scan(`[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`);
    const alone = await scan(
      `[default]\nregion = eu-west-1\noutput = json\nother = 1\naws_secret_access_key = ${secret}\n`,
    );
    const p = findingFor(paired, 'aws-secret-access-key', secret);
    const a = findingFor(alone, 'aws-secret-access-key', secret);
    expect(findingFor(paired, 'aws-access-key-id', id)).toBeDefined();
    expect(p?.confidence).toBeGreaterThan(a?.confidence ?? 1);
  });

  it('are required for a date of birth', async () => {
    expect(detectorIds(await scan('created 1985-03-12 by the build\n'))).toEqual([]);
    const f = await scan('date of birth: 1985-03-12\n');
    expect(detectorIds(f)).toEqual(['date-of-birth']);
    expect(detectorIds(await scan('DOB: 2999-03-12\n'))).toEqual([]);
  });

  it('for bare 9-digit SSNs and NHS numbers may come from the CSV column name', async () => {
    const digits = gen('us-ssn').value.replace(/[^0-9]/g, '');
    const nhs = gen('uk-nhs-number').value.replaceAll(' ', '');
    expect(detectorIds(await scan(`order ${digits} shipped\n`))).toEqual([]);
    const csv = `id,ssn,nhs_number\n1,${digits},${nhs}\n`;
    const findings = await scan(csv, 'people.csv');
    expect(findingFor(findings, 'us-ssn', digits)?.location.column_name).toBe('ssn');
    expect(findingFor(findings, 'uk-nhs-number', nhs)?.location.column_name).toBe('nhs_number');
    expect(detectorIds(await scan(`id,value\n1,${nhs}\n`, 'other.csv'))).toEqual([]);
  });
});

describe('structured formats', () => {
  it('finds a PEM key escaped inside a GCP service-account JSON, with the JSON path', async () => {
    const sa = gen('gcp-service-account');
    const pem = gen('private-key-pem');
    const json = JSON.stringify({
      type: 'service_account',
      private_key_id: sa.value,
      private_key: pem.text,
      client_email: 'svc@demo.iam.gserviceaccount.com',
    });
    const findings = await scan(json, 'key.json');
    expect(findingFor(findings, 'gcp-service-account', sa.value)?.location.json_path).toBe(
      '$.private_key_id',
    );
    const key = findings.find((f) => f.detector === 'private-key-pem');
    expect(key?.location.json_path).toBe('$.private_key');
  });

  it('finds an AWS secret key in JSON nested as an escaped string (AWS CLI output in a log)', async () => {
    const secret = gen('aws-secret-access-key').value;
    const line = JSON.stringify({ msg: JSON.stringify({ AccessKey: { SecretAccessKey: secret } }) });
    const findings = await scan(`${line}\n`, 'log.jsonl');
    expect(findingFor(findings, 'aws-secret-access-key', secret)?.location.json_path).toBe('$.msg');
  });

  it('finds a short (Ed25519 PKCS#8) PEM key with CRLF line ends', async () => {
    const body = Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 73 + 19) % 256)).toString('base64');
    const pem = ['-----BEGIN PRIVATE KEY-----', body, '-----END PRIVATE KEY-----', ''].join('\r\n');
    const findings = await scan(pem, 'id_ed25519.pem');
    expect(
      findingFor(findings, 'private-key-pem', `-----BEGIN PRIVATE KEY-----\r\n${body}\r\n`),
    ).toBeDefined();
  });

  it('reports an AWS secret once, not again as a generic secret', async () => {
    const secret = gen('aws-secret-access-key').value;
    const findings = await scan(`{"aws_secret_access_key": "${secret}"}`, 'c.json');
    expect(detectorIds(findings)).toEqual(['aws-secret-access-key']);
  });
});

describe('numbers inside longer numbers', () => {
  it('do not yield an id from a slice of a card number', async () => {
    const body = '453914880343646';
    const card = body + luhnCheckDigit(body);
    const spaced = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(detectorIds(await scan(`aadhaar ${spaced}\n`))).toEqual(['payment-card']);
  });

  it('do not yield a card from a longer digit run', async () => {
    const body = '453914880343646';
    expect(detectorIds(await scan(`id 99${body}${luhnCheckDigit(body)}77\n`))).toEqual([]);
  });

  it('an Aadhaar number needs context when unformatted', async () => {
    const b = '23456789012';
    const n = b + verhoeffCheckDigit(b);
    expect(detectorIds(await scan(`ref ${n}\n`))).toEqual([]);
    expect(detectorIds(await scan(`aadhaar ${n}\n`))).toEqual(['in-aadhaar']);
  });
});

describe('IP addresses', () => {
  it('report private addresses with lower confidence than public ones', async () => {
    const findings = await scan('from 10.1.2.3 to 8.8.4.4\n');
    const priv = findingFor(findings, 'ipv4-address', '10.1.2.3');
    const pub = findingFor(findings, 'ipv4-address', '8.8.4.4');
    expect(priv?.confidence).toBeLessThan(pub?.confidence ?? 0);
  });

  it('skip version strings and documentation ranges, accept compressed IPv6', async () => {
    expect(detectorIds(await scan('version 1.2.3.4 and v2.0.0.1, host 192.0.2.7\n'))).toEqual([]);
    expect(detectorIds(await scan('peer 2a00:1450:4001::8a\n'))).toEqual(['ipv6-address']);
  });
});

describe('credentials', () => {
  it('URL credentials report the password, not documented placeholders', async () => {
    const f = await scan('DATABASE_URL=postgres://app:Zk3vQ9rT2mXw@db.internal:5432/app\n');
    expect(findingFor(f, 'url-credentials', 'Zk3vQ9rT2mXw')).toBeDefined();
    expect(
      findingFor(
        await scan('REDIS_URL=redis://:Zk3vQ9rT2mXw@cache:6379/0\n'),
        'url-credentials',
        'Zk3vQ9rT2mXw',
      ),
    ).toBeDefined();
    const reference = ['$', '{PASS}'].join('');
    expect(await scan(`postgres://user:password@localhost/db and https://u:${reference}@h.io\n`)).toEqual([]);
  });

  it('generic secrets skip references, code and placeholders', async () => {
    const quiet = [
      'password = os.environ["DB_PASSWORD"]',
      'secret: {{ .Values.secret }}',
      'password: getPassword()',
      'api_key = "<insert key>"',
      'password_field: required',
      'apiKey: config.apiKey,',
      'password: req.body.password',
      'password: !vault |',
      'secret: true',
      'password = None',
    ];
    for (const line of quiet) expect(await scan(`${line}\n`), line).toEqual([]);
    expect(
      findingFor(await scan('db_password = "Hq7!rZ2#pLw9"\n'), 'generic-secret', 'Hq7!rZ2#pLw9'),
    ).toBeDefined();
  });

  it('a GitHub token with a wrong checksum is reported, at a lower confidence than a whole one', async () => {
    const token = gen('github-token').value;
    const broken = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    const whole = findingFor(await scan(`token=${token}\n`), 'github-token', token);
    const altered = findingFor(await scan(`token=${broken}\n`), 'github-token', broken);
    expect(altered?.confidence).toBeLessThan(whole?.confidence ?? 0);
    expect(await scan(`token=ghp_${'ab'.repeat(18)}\n`)).toEqual([]);
  });
});
