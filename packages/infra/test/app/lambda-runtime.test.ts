import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../lib/constructs/container-image.ts';
import { BUNDLE_DIR_ENV, LAMBDA_HANDLERS } from '../../lib/constructs/lambda-bundle.ts';
import { loadDatabaseUrl } from '../../lib/runtime/database-url.ts';

const URL_VALUE = 'postgres://app:s3cr3t-value@db.internal:5432/datascanner?sslmode=no-verify';

/** A local endpoint speaking the Secrets Manager JSON protocol for one secret. */
let server: http.Server;
let requests: { target: string | undefined; body: { SecretId?: string } }[] = [];
let client: SecretsManagerClient;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const parsed = JSON.parse(body) as { SecretId?: string };
      requests.push({ target: req.headers['x-amz-target'] as string | undefined, body: parsed });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (parsed.SecretId === 'arn:binary') {
        res.end(JSON.stringify({ ARN: 'arn:binary', Name: 'binary' }));
        return;
      }
      res.end(JSON.stringify({ ARN: parsed.SecretId, Name: 'database-url', SecretString: URL_VALUE }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new SecretsManagerClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
  });
});

afterAll(() => {
  client.destroy();
  server.close();
});

describe('loadDatabaseUrl (Lambda cold-start adapter)', () => {
  it('sets DATABASE_URL from the secret named by DATABASE_URL_SECRET_ARN', async () => {
    requests = [];
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:url',
    };
    await loadDatabaseUrl(env, client);
    expect(env.DATABASE_URL).toBe(URL_VALUE);
    expect(requests).toEqual([
      {
        target: 'secretsmanager.GetSecretValue',
        body: { SecretId: 'arn:aws:secretsmanager:us-east-1:1:secret:url' },
      },
    ]);
  });

  it('keeps an explicit DATABASE_URL and makes no call', async () => {
    requests = [];
    const env: NodeJS.ProcessEnv = { DATABASE_URL: 'postgres://local/db', DATABASE_URL_SECRET_ARN: 'arn:x' };
    await loadDatabaseUrl(env, client);
    expect(env.DATABASE_URL).toBe('postgres://local/db');
    expect(requests).toEqual([]);
  });

  it('fails clearly, without any secret value, when the secret has no string', async () => {
    const env: NodeJS.ProcessEnv = { DATABASE_URL_SECRET_ARN: 'arn:binary' };
    await expect(loadDatabaseUrl(env, client)).rejects.toThrow(/without a string value/);
    expect(env.DATABASE_URL).toBeUndefined();
  });
});

describe('Lambda bundles', () => {
  beforeAll(() => {
    // The nodejs22.x runtime provides the AWS SDK v3 (NODE_PATH); here the repository's copy stands in.
    const modules = path.join(process.env[BUNDLE_DIR_ENV] ?? '', 'node_modules');
    if (!fs.existsSync(path.join(modules, '@aws-sdk'))) {
      fs.mkdirSync(modules, { recursive: true });
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', '@aws-sdk'), path.join(modules, '@aws-sdk'));
    }
  });

  it.each(LAMBDA_HANDLERS)('%s bundle loads on plain Node and exports a handler function', (name) => {
    const dir = process.env[BUNDLE_DIR_ENV];
    expect(dir).toBeDefined();
    const file = pathToFileURL(path.join(dir ?? '', name, 'index.mjs')).href;
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(file)}); process.stdout.write(typeof m.handler);`,
      ],
      { env: { PATH: path.dirname(process.execPath) }, encoding: 'utf8', cwd: '/' },
    );
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: 'function' });
  });
});
