import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase('file');
let out = '';
let err = '';

beforeEach(() => {
  vi.stubEnv('DATABASE_URL', db().url);
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

describe('data-scanner keys', () => {
  it('create prints the key once on stdout and stores only its hash; list and revoke use the prefix', async () => {
    expect(await main(['keys', 'create', '--tenant', 'acme', '--name', 'ci'])).toBe(0);
    const key = out.trim();
    expect(key).toMatch(/^dsk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(err).toContain('shown once');
    expect(err).not.toContain(key);
    const { rows } = await db().pool.query('SELECT prefix, key_hash FROM api_keys');
    expect(rows).toEqual([
      { prefix: key.slice(0, 16), key_hash: createHash('sha256').update(key).digest('hex') },
    ]);

    out = '';
    expect(await main(['keys', 'list', '--tenant', 'acme'])).toBe(0);
    expect(out).toContain(`${key.slice(0, 16)}\tci\t`);
    expect(out).toContain('active');
    expect(out).not.toContain(key);

    expect(await main(['keys', 'revoke', key.slice(0, 16)])).toBe(0);
    const revoked = await db().pool.query('SELECT revoked_at FROM api_keys');
    expect(revoked.rows[0].revoked_at).not.toBeNull();
  });

  it('fails with exit code 2 and one line for a bad tenant name or an unknown prefix', async () => {
    expect(await main(['keys', 'create', '--tenant', 'no spaces!'])).toBe(2);
    expect(err).toMatch(/^data-scanner: tenant name must be/m);
    expect(await main(['keys', 'revoke', 'dsk_unknown'])).toBe(2);
    expect(err).toContain('no active key with prefix dsk_unknown');
  });

  describe('create --secret (the first key of an AWS deployment)', () => {
    /** A stand-in for the Secrets Manager endpoint: records each call and answers as the service does. */
    async function secretsEndpoint(fail = false) {
      const calls: { target: string; body: Record<string, string> }[] = [];
      const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => {
          body += chunk;
        });
        req.on('end', () => {
          calls.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(body) });
          res.setHeader('content-type', 'application/x-amz-json-1.1');
          if (fail) {
            res.statusCode = 400;
            res.end(
              JSON.stringify({
                __type: 'ResourceNotFoundException',
                message: 'Secrets Manager cannot find it',
              }),
            );
            return;
          }
          res.end(
            JSON.stringify({
              ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:first-key',
              Name: 'first-key',
              VersionId: 'v1',
            }),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      vi.stubEnv(
        'AWS_ENDPOINT_URL_SECRETS_MANAGER',
        `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      );
      vi.stubEnv('AWS_REGION', 'us-east-1');
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
      return { calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    }

    it('stores the key in the secret and prints it nowhere', async () => {
      const endpoint = await secretsEndpoint();
      try {
        expect(await main(['keys', 'create', '--tenant', 'acme', '--secret', 'first-key'])).toBe(0);
      } finally {
        await endpoint.close();
      }
      expect(endpoint.calls.map((c) => [c.target, c.body.SecretId])).toEqual([
        ['secretsmanager.PutSecretValue', 'first-key'],
      ]);
      const stored = JSON.parse(endpoint.calls[0]?.body.SecretString ?? '{}');
      expect(stored.tenant).toBe('acme');
      const { rows } = await db().pool.query('SELECT key_hash FROM api_keys WHERE prefix = $1', [
        stored.prefix,
      ]);
      expect(rows).toEqual([{ key_hash: createHash('sha256').update(stored.key).digest('hex') }]);
      expect(out).toBe('');
      expect(err).toContain(`stored it in secret first-key`);
      expect(err).not.toContain(stored.key);
    });

    it('fails with exit code 2, naming the prefix to revoke, when the secret cannot be written', async () => {
      const endpoint = await secretsEndpoint(true);
      try {
        expect(await main(['keys', 'create', '--tenant', 'acme', '--secret', 'missing'])).toBe(2);
      } finally {
        await endpoint.close();
      }
      const prefix =
        /could not store key (dsk_\w{12}) in secret missing: .*Secrets Manager cannot find it/.exec(err)?.[1];
      expect(prefix, err).toBeDefined();
      expect(err).toContain(`keys revoke ${prefix}`);
      const { rows } = await db().pool.query('SELECT revoked_at FROM api_keys WHERE prefix = $1', [prefix]);
      expect(rows).toEqual([{ revoked_at: null }]);
      expect(out).toBe('');
    });
  });
});
