import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeySecret } from '../support/api-key-secret.ts';
import { insertJob } from './fixtures.ts';
import { useApiHarness } from './harness.ts';

const SECRET = 'a-shared-secret-of-at-least-32-characters!';

describe('API keys', () => {
  const api = useApiHarness();

  it('refuses a request without credentials with 401 and WWW-Authenticate', async () => {
    const res = await api().call('/jobs', { key: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('accepts a valid key and refuses a tampered or unknown one', async () => {
    expect((await api().call('/jobs')).status).toBe(200);
    const key = api().acme.key;
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect((await api().call('/jobs', { key: tampered })).status).toBe(401);
    expect((await api().call('/jobs', { key: `dsk_AAAAAAAAAAAA_${'x'.repeat(43)}` })).status).toBe(401);
    expect((await api().call('/jobs', { key: 'garbage' })).status).toBe(401);
  });

  it('stores only a sha-256 hash of the key', async () => {
    const { rows } = await api().db.pool.query('SELECT * FROM api_keys WHERE id = $1', [api().acme.keyId]);
    const row = rows[0] as Record<string, unknown>;
    expect(row.key_hash).toBe(createHash('sha256').update(api().acme.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(apiKeySecret(api().acme.key));
  });

  it('refuses a revoked key', async () => {
    await api().db.pool.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [api().acme.keyId]);
    expect((await api().call('/jobs')).status).toBe(401);
  });
});

describe('tenant isolation', () => {
  const api = useApiHarness();

  it("answers 404, not 403, for another tenant's job, its objects, and findings", async () => {
    const jobId = await insertJob(api().db.pool, api().globex.tenantId);
    expect((await api().call(`/jobs/${jobId}`, { key: api().globex.key })).status).toBe(200);
    expect((await api().call(`/jobs/${jobId}`)).status).toBe(404);
    expect((await api().call(`/jobs/${jobId}/objects`)).status).toBe(404);
    expect((await api().call(`/results?job_id=${jobId}`)).status).toBe(404);
    const list = (await (await api().call('/jobs')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });
});

describe('JWT with a shared secret', () => {
  const api = useApiHarness({ config: { jwt: { secret: SECRET, issuer: 'https://idp.test' } } });
  const sign = (claims: Record<string, unknown>, secret = SECRET, exp: string | number = '5m') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://idp.test')
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));

  it('records the JWT subject as who changed an exposure', async () => {
    const { rows } = await api().db.pool.query<{ id: string }>(
      `INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, fingerprint)
       VALUES ($1, 'value', 'aws-access-key-id', 'credentials', 'critical', 5, repeat('a', 64)) RETURNING id`,
      [api().acme.tenantId],
    );
    const token = await sign({ tenant: 'acme', sub: 'bob@acme.example' });
    const res = await api().call(`/findings/${rows[0]?.id}`, {
      method: 'PATCH',
      key: token,
      json: { state: 'revoked', note: 'rotated' },
    });
    expect(res.status).toBe(200);
    const detail = await (await api().call(`/findings/${rows[0]?.id}`, { key: token })).json();
    expect(detail.history[0]).toMatchObject({
      actor: 'bob@acme.example',
      from_state: 'open',
      to_state: 'revoked',
    });
  });

  it("maps the tenant claim to the tenant and sees only that tenant's jobs", async () => {
    const jobId = await insertJob(api().db.pool, api().globex.tenantId);
    const token = await sign({ tenant: 'globex' });
    expect((await api().call(`/jobs/${jobId}`, { key: token })).status).toBe(200);
    const acmeToken = await sign({ tenant: 'acme' });
    expect((await api().call(`/jobs/${jobId}`, { key: acmeToken })).status).toBe(404);
  });

  it('refuses a wrong signature, an expired token, a missing claim and an unknown tenant', async () => {
    const wrong = await sign({ tenant: 'acme' }, 'another-secret-that-is-also-32-characters');
    const expired = await sign({ tenant: 'acme' }, SECRET, Math.floor(Date.now() / 1000) - 60);
    const noClaim = await sign({ sub: 'someone' });
    const unknown = await sign({ tenant: 'initech' });
    for (const token of [wrong, expired, noClaim, unknown]) {
      expect((await api().call('/jobs', { key: token })).status).toBe(401);
    }
  });
});

describe('JWT from a JWKS URL', () => {
  let server: Server;
  let jwksUrl = '';
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const api = useApiHarness({ config: () => ({ jwt: { jwksUrl } }) });

  it('verifies a token signed by a key the JWKS publishes and refuses one signed by another key', async () => {
    const token = await new SignJWT({ tenant: 'acme' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await api().call('/jobs', { key: token })).status).toBe(200);
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT({ tenant: 'acme' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(other.privateKey);
    expect((await api().call('/jobs', { key: forged })).status).toBe(401);
  });
});
