import { createHash } from 'node:crypto';
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
});
