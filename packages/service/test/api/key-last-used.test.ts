import { describe, expect, it } from 'vitest';
import { KeyUsage } from '../../src/api/auth/key-usage.ts';
import { touchApiKeys } from '../../src/keys/key-store.ts';
import { useApiHarness } from './harness.ts';

let usage: KeyUsage;
// A batch window longer than the test: writes happen only when the test flushes.
const api = useApiHarness({
  keyUsage: (db) => {
    usage = new KeyUsage((ids) => touchApiKeys(db.pool, ids), { batchMs: 600_000 });
    return usage;
  },
});

/** Each key's last_used_at and the transaction that last wrote its row (xmin). */
async function keyRows(): Promise<Record<string, { used: Date | null; xmin: string }>> {
  const { rows } = await api().db.pool.query(
    'SELECT prefix, last_used_at AS used, xmin::text AS xmin FROM api_keys ORDER BY prefix',
  );
  return Object.fromEntries(rows.map((r) => [r.prefix, { used: r.used, xmin: r.xmin }]));
}

async function calls(n: number, key: string): Promise<void> {
  for (let i = 0; i < n; i++) expect((await api().call('/jobs', { key })).status).toBe(200);
}

describe('API keys last_used_at', () => {
  it('is set after use, both keys in one statement, and not written again within the minute', async () => {
    const { acme, globex } = api();
    expect(Object.values(await keyRows()).map((r) => r.used)).toEqual([null, null]);
    await calls(20, acme.key);
    await calls(5, globex.key);
    await usage.flush();
    const first = await keyRows();
    const a = first[acme.prefix];
    const g = first[globex.prefix];
    expect(a?.used).toBeInstanceOf(Date);
    expect(g?.used).toBeInstanceOf(Date);
    expect(a?.xmin).toBe(g?.xmin);

    await calls(20, acme.key);
    await usage.flush();
    expect(await keyRows()).toEqual(first);

    // Another process (a second API task, a Lambda container) within the minute writes nothing either.
    const other = new KeyUsage((ids) => touchApiKeys(api().db.pool, ids), { batchMs: 600_000 });
    other.note(acme.keyId);
    await other.flush();
    expect(await keyRows()).toEqual(first);
  });

  it('is written again once the last write is over a minute old', async () => {
    const { acme } = api();
    await api().db.pool.query(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes'`);
    const before = (await keyRows())[acme.prefix];
    const fresh = new KeyUsage((ids) => touchApiKeys(api().db.pool, ids), { batchMs: 600_000 });
    fresh.note(acme.keyId);
    await fresh.flush();
    const after = (await keyRows())[acme.prefix];
    expect(after?.used?.getTime()).toBeGreaterThan(before?.used?.getTime() ?? 0);
  });
});
