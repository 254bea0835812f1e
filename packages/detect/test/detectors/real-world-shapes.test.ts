import { describe, expect, it } from 'vitest';
import { BASE64, chars, createRng, UPPER } from '../../eval/random.ts';
import { detectorIds, findingFor, scan } from './helpers.ts';

/*
 * Shapes the blind realistic files (eval/realistic/blind-*.ts) showed the detectors missing or
 * misreading, each beside the near shape that must stay quiet.
 */

const rng = createRng(20261207);
const keyId = () => `AKIA${chars(rng, `${UPPER}234567`, 16)}`;
const secret = () => `${chars(rng, BASE64, 38)}a1`;
const pemLines = () => [0, 1, 2, 3].map(() => chars(rng, BASE64, 64));

describe('PEM private keys as configuration files carry them', () => {
  const armour = (edge: string) => `-----${edge} PRIVATE KEY-----`;

  it('finds a key indented in a YAML block scalar (Helm values, Kubernetes manifests)', async () => {
    const text = `tls:\n  key: |\n    ${[armour('BEGIN'), ...pemLines(), armour('END')].join('\n    ')}\n`;
    expect(detectorIds(await scan(text, 'values.yaml'))).toContain('private-key-pem');
  });

  it('finds a key flattened onto one line with spaces', async () => {
    const text = `ssl.key=${[armour('BEGIN'), ...pemLines(), armour('END')].join(' ')}\n`;
    expect(detectorIds(await scan(text, 'client.properties'))).toContain('private-key-pem');
  });

  it("finds a key continued with ' \\' over the lines of a .properties value", async () => {
    const text = `ssl.keystore.key=${[armour('BEGIN'), ...pemLines()].join(' \\\n  ')} \\\n  ${armour('END')}\n`;
    expect(detectorIds(await scan(text, 'client-ssl.properties'))).toContain('private-key-pem');
  });

  it('still reports no certificate or public key in the same shapes', async () => {
    const text = `  cert: |\n    -----BEGIN CERTIFICATE-----\n    ${pemLines().join('\n    ')}\n    -----END CERTIFICATE-----\n`;
    expect(await scan(text, 'values.yaml')).toEqual([]);
  });
});

describe('AWS keys', () => {
  it('finds a secret written beside its key id without the usual name (chat, INI section)', async () => {
    const prose = secret();
    const ini = secret();
    const text = `for the staging bucket use ${keyId()} with secret ${prose}\n[external_image_storage.s3]\naccess_key = ${keyId()}\nsecret_key = ${ini}\n`;
    const findings = await scan(text);
    expect(findingFor(findings, 'aws-secret-access-key', prose)).toBeDefined();
    expect(findingFor(findings, 'aws-secret-access-key', ini)).toBeDefined();
  });

  it('takes a plain `secret` for an AWS secret only beside a key id', async () => {
    const value = secret();
    expect(findingFor(await scan(`jwt secret ${value}\n`), 'aws-secret-access-key', value)).toBeUndefined();
  });

  it('finds the secret `aws configure set` takes as an argument', async () => {
    const value = secret();
    const findings = await scan(`aws configure set aws_secret_access_key ${value} --profile backup\n`);
    expect(findingFor(findings, 'aws-secret-access-key', value)).toBeDefined();
  });

  it("reports a temporary (ASIA) key id beside its secret, not in CloudTrail's userIdentity", async () => {
    const asia = `ASIA${chars(rng, `${UPPER}234567`, 16)}`;
    const event = `{"userIdentity":{"type":"AssumedRole","accessKeyId":"${asia}","sessionContext":{"attributes":{}}},"eventSource":"secretsmanager.amazonaws.com"}\n`;
    expect(findingFor(await scan(event, 'trail.json'), 'aws-access-key-id', asia)).toBeUndefined();
    const credentials = `[tmp]\naws_access_key_id = ${asia}\naws_secret_access_key = ${secret()}\n`;
    expect(findingFor(await scan(credentials, 'credentials'), 'aws-access-key-id', asia)).toBeDefined();
  });
});

describe('URL passwords', () => {
  it('does not report a stock service password on localhost or the user name again', async () => {
    const text =
      'DATABASE_URL: postgres://circleci:postgres@localhost:5432/app_test\namqp://guest:guest@rabbitmq:5672/\n';
    expect(detectorIds(await scan(text, 'config.yml'))).not.toContain('url-credentials');
  });

  it('locates a password on the password even when its text also names the scheme', async () => {
    const text = 'url = postgres://app:postgres@db.prod.internal/app\n';
    const finding = findingFor(await scan(text), 'url-credentials', 'postgres');
    expect(finding?.location.byte_start).toBe(text.indexOf(':postgres@') + 1);
  });
});

describe('IPv4 addresses', () => {
  it('reads neither a User-Agent version nor a CIDR network as an address, and still reads a host', async () => {
    const text =
      '203.0.113.9 - - "GET / HTTP/1.1" 200 "Mozilla/5.0 AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36"\nvpc_cidr = "10.40.0.0/16"\nnat = "10.40.1.17/24"\npeer 81.2.69.160\n';
    const values = (await scan(text, 'mixed.log'))
      .filter((f) => f.detector === 'ipv4-address')
      .map((f) => text.slice(f.location.byte_start, f.location.byte_end));
    expect(values.sort()).toEqual(['10.40.1.17', '81.2.69.160']);
  });
});
