import { describe, expect, it } from 'vitest';
import { detectorIds, findingFor, scan } from './helpers.ts';

/** A JWT built from its parts, `claims` long enough to pass a thousand characters when asked. */
function jwtOf(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signature = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37 + 11) % 256)).toString(
    'base64url',
  );
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part(claims)}.${signature}`;
}

describe('defects seen on public real-world files', () => {
  it('an empty assignment does not take the next line as its value', async () => {
    const text = 'GITHUB_API_KEY=\nOTHER_SETTING=someValue123\nSECRET_KEY=\n  Xq7vLp2mZr9t\n';
    expect(await scan(text, '.env')).toEqual([]);
  });

  it.each([
    ['an upper-case identifier under a secret name', 'LLM_SECRET_NAME = "NEXUS-GPT4-API-KEY"\n'],
    ['a kebab-case key reference', 'env:\n  - secretKey: api-key\n'],
    ['a module path', "SECRET_HANDLER = 'myapp.auth.handlers:verify_token'\n"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell reference is the input
    ['a shell reference', 'DB_PASSWORD: ${DB_PASSWORD_FROM_VAULT}\n'],
    ['os.environ', "password = os.environ['DB_PASSWORD']\n"],
    ['process.env', 'const apiKey = process.env.API_KEY;\n'],
    ['a Vault path', 'secret_path = "secret/data/app/prod"\npassword: "secret/data/payments/db"\n'],
    ['a Helm value', 'password: "{{ .Values.postgres.password }}"\n'],
    ['a Python format reference', 'password = %(db_password)s\n'],
    ['a placeholder', 'API_KEY=<your-key>\nAPI_TOKEN="<insert token here>"\n'],
    ['a sops-encrypted value', 'password: ENC[AES256_GCM,data:Tr7o8xQ=,iv:Z3k=,tag:cQ==,type:str]\n'],
    ['a function call', 'const token = getToken();\nconst apiKey = someVariable;\n'],
    ['an index and a call argument', 'const apiKey = cfg[keyName];\nconnect(password=abc123x)\n'],
    ['a call cut at its comma', 'let token = version.config(is, 42);\nconst token = getToken(a1, 42);\n'],
    ['a Terraform reference', 'password = var.db_password\nsecret = random_password.db.result\n'],
    ['a path', 'export PWD=/home/user/src\ncredentials_file: ~/.aws/credentials\n'],
    ['a sentence', 'password: Please enter your password\n"passwordHint": "At least 8 characters"\n'],
    ['a UI label', '{"auth": {"password": "Password", "apiKeyLabel": "API key"}}\n'],
    ['prose after the word password', 'Choose a strong password combination.\n'],
    [
      'a Jenkins credentials id',
      "withCredentials([string(credentialsId: '5b1f0a2e-9c3d-4e7a-8b6f-2d4c6e8a0b1c')]) {\n",
    ],
    ['a camel-case credential id', '"credentialId": "Qm7ZtR2xLp9KvW4nB8cD",\n'],
    ['a public token', 'publicToken = "Nq8Ls2Vx7Kp4Rt9Zm3Bc6Hd1Jf5Wg0Ye"\n'],
    ['a CSRF token', 'csrf-token=Kp4Rt9Zm3Bc6Hd1Jf5Wg0YeNq8Ls2Vx7+Qm7ZtR2xLp9KvW4nB8cD==\n'],
    ['a token audience', 'TOKEN_AUDIENCE = "7c9e6679-7425-40de-944b-e07fc1f90ae7"\n'],
    ['a Maven coordinate', 'notes = "Maven - io.jsonwebtoken:jjwt-api-0.12.3"\n'],
    ['a Docker build secret mount', 'RUN --mount=type=secret,id=npm_secret npm ci\n'],
  ])('%s is not a generic secret', async (_, text) => {
    expect(detectorIds(await scan(text, 'config.txt'))).not.toContain('generic-secret');
  });

  it("a detect-secrets baseline's hashed_secret is not a secret", async () => {
    const baseline = JSON.stringify(
      {
        results: {
          'app/settings.py': [
            {
              type: 'Secret Keyword',
              filename: 'app/settings.py',
              hashed_secret: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3',
              is_verified: false,
              line_number: 12,
            },
          ],
        },
      },
      null,
      2,
    );
    expect(await scan(baseline, '.secrets.baseline')).toEqual([]);
  });

  it('Authorization: Basic <JWT> is a JWT, not Basic credentials', async () => {
    const token = jwtOf({ sub: 'user-1', iat: 1_700_000_000 });
    const findings = await scan(`Authorization: Basic ${token}\n`);
    expect(detectorIds(findings)).toEqual(['jwt']);
    expect(findingFor(findings, 'jwt', token)).toBeDefined();
  });

  it('a JWT of more than 1,080 characters is found whole', async () => {
    const scope = Array.from({ length: 60 }, (_, i) => `api.read.resource${i}`).join(' ');
    const token = jwtOf({ sub: 'user-1', scope, iat: 1_700_000_000 });
    expect(token.length).toBeGreaterThan(1080);
    const findings = await scan(`Authorization: Bearer ${token}\n`);
    expect(findingFor(findings, 'jwt', token)).toBeDefined();
  });

  it.each([
    [
      'a key name longer than 16 characters after the word',
      'PASSWORD_FOR_THE_PRIMARY_REPLICA=Xq7vLp2mZr9t\n',
      'Xq7vLp2mZr9t',
    ],
    ['DB_PASS', 'DB_PASS=Xq7vLp2mZr9t\n', 'Xq7vLp2mZr9t'],
    ['MYSQL_ROOT_PASSWORD', 'MYSQL_ROOT_PASSWORD: "Xq7vLp2mZr9t"\n', 'Xq7vLp2mZr9t'],
    ['client-secret in YAML', 'client-secret: Xq7vLp2mZr9tWs4\n', 'Xq7vLp2mZr9tWs4'],
    ['token in YAML', 'token: Xq7vLp2mZr9tWs4Kd\n', 'Xq7vLp2mZr9tWs4Kd'],
    ['auth in JSON', '{"auth": "Xq7vLp2mZr9tWs4Kd"}\n', 'Xq7vLp2mZr9tWs4Kd'],
    ['credentials in XML', '<add key="credentials" value="Xq7vLp2mZr9tWs4Kd"/>\n', 'Xq7vLp2mZr9tWs4Kd'],
    ['a password element in XML', '<password>Xq7vLp2mZr9t</password>\n', 'Xq7vLp2mZr9t'],
    ['dbPassword in a .properties file', 'spring.datasource.dbPassword=Xq7vLp2m#Zr9t\n', 'Xq7vLp2m#Zr9t'],
    ['a TOML password', 'password    = "Xq7v Lp2m"\npassword = "Xq7v!Lp2m"\n', 'Xq7v!Lp2m'],
    [
      'a 40-hex token under *_GITHUB_*_TOKEN',
      'CI_GITHUB_DEPLOY_TOKEN=3f6c2b9a1e0d4c7b8a5f6e3d2c1b0a9f8e7d6c5b\n',
      '3f6c2b9a1e0d4c7b8a5f6e3d2c1b0a9f8e7d6c5b',
    ],
    ['a JSON-escaped value', '{"msg":"db_password = \\"Xq7vLp2mZr9t\\""}\n', 'Xq7vLp2mZr9t'],
    [
      'a token in a URL query',
      'GET /api/v1/items?access_token=Xq7vLp2mZr9tWs4Kd&page=2\n',
      'Xq7vLp2mZr9tWs4Kd',
    ],
    ['a bearer token', 'Authorization: Bearer Xq7vLp2mZr9tWs4KdX8\n', 'Xq7vLp2mZr9tWs4KdX8'],
    ['a MySQL IDENTIFIED BY', "CREATE USER 'app'@'%' IDENTIFIED BY 'Xq7v!Lp2mZr9t';\n", 'Xq7v!Lp2mZr9t'],
    ['a PostgreSQL role password', "CREATE ROLE app WITH LOGIN PASSWORD 'Xq7v!Lp2mZr9t';\n", 'Xq7v!Lp2mZr9t'],
    [
      'an ASP.NET machineKey',
      '<machineKey validationKey="9F3A7C2B1D4E6F8A0B2C4D6E8F1A3B5C" validation="HMACSHA256" />\n',
      '9F3A7C2B1D4E6F8A0B2C4D6E8F1A3B5C',
    ],
  ])('finds %s', async (_, text, value) => {
    expect(findingFor(await scan(text, 'config.txt'), 'generic-secret', value)).toBeDefined();
  });

  // Framework and file-format values belong to their own detector; generic-secret gives way.
  it.each([
    [
      'a Django key with punctuation',
      "SECRET_KEY = 'k#2^(a)x9!m@q&w*z%v[1]b7'\n",
      'k#2^(a)x9!m@q&w*z%v[1]b7',
      'django-secret-key',
    ],
    [
      'a WordPress key with aligned spacing',
      "define( 'AUTH_KEY',         'Tq>8!x$Lp(2]m@Zr' );\n",
      'Tq>8!x$Lp(2]m@Zr',
      'wordpress-salt',
    ],
    [
      'a .netrc password',
      'machine api.example.io\n  login deploy\n  password Xq7vLp2mZr9t\n',
      'Xq7vLp2mZr9t',
      'netrc-password',
    ],
  ])('finds %s, by its own detector only', async (_, text, value, id) => {
    const findings = await scan(text, 'config.txt');
    expect(findingFor(findings, id, value)).toBeDefined();
    expect(detectorIds(findings)).toEqual([id]);
  });

  it('a nine-digit phone number written 3-3-3 is not a Canadian SIN', async () => {
    const findings = await scan('Teléfono: 612 345 678\nTel: +34 612 345 678\n');
    expect(detectorIds(findings)).not.toContain('canada-sin');
    expect(detectorIds(await scan('SIN: 612 345 678\n'))).toContain('canada-sin');
  });

  it('loopback and version strings are not IP addresses; an address with a port is', async () => {
    const text = 'DB_HOST=127.0.0.1\n<add key="webpages:Version" value="3.0.0.0" />\n';
    expect(detectorIds(await scan(text, 'web.config'))).not.toContain('ipv4-address');
    expect(
      findingFor(await scan('server: https://10.20.0.1:6443\n'), 'ipv4-address', '10.20.0.1'),
    ).toBeDefined();
  });

  it('Slack token templates ending in #### are not tokens', async () => {
    const text = [
      '"token4": "xoxp-572370529330-573807301142-572331691188-####################################"',
      '"config": "xoxe.xoxp-1-###############"',
      '',
    ].join('\n');
    expect(detectorIds(await scan(text))).not.toContain('slack-token');
  });

  it('a curl password quoted inside a CSV cell ("" for ") is found', async () => {
    const text =
      'id,note,state\n169,"curl --user ""admin:YDLDDLjeOy#WEP"" -X DELETE https://es.internal:9200/logs",closed\n';
    expect(findingFor(await scan(text, 'records.csv'), 'curl-user-password', 'YDLDDLjeOy#WEP')).toBeDefined();
  });

  it("a YAML block scalar logged inside a JSON string keeps its key's detector", async () => {
    const text = '{"seq":24,"msg":"sparkpost_token: |\\n  f19b4870e53ec7f9deb624748698788d416cdf69\\n"}\n';
    expect(
      findingFor(
        await scan(text, 'events.jsonl'),
        'sparkpost-api-key',
        'f19b4870e53ec7f9deb624748698788d416cdf69',
      ),
    ).toBeDefined();
  });

  it('a 14-digit number labelled CNPJ is no card, even when its Luhn digit holds', async () => {
    expect(detectorIds(await scan('CNPJ 39679976000170\n'))).not.toContain('payment-card');
    expect(detectorIds(await scan('card 39679976000170\n'))).toContain('payment-card');
  });

  it('finds the relay password on every line of a sasl_passwd map, not every other one', async () => {
    const text = [
      '[smtp.gmail.com]:587 alerts@example.com:iFjeEfSXk0hoXb5OPaxTeHiHAJdOtTJ',
      '[email-smtp.eu-west-1.amazonaws.com]:587 AKIANI44AUEXVISAVGGP:BS8Ds66MOIcZ3rB5UfML3dZOKBurok48675p/FGhNPvj',
      '',
    ].join('\n');
    const found = (await scan(text, 'sasl_passwd')).filter((f) => f.detector === 'postfix-sasl-password');
    expect(found.map((f) => f.location.line)).toEqual([1, 2]);
  });
});
