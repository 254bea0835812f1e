import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

describe('API keys last_used_at with the app as built by default', () => {
  it('is written shortly after a key is used, with no flush by the caller', async () => {
    const used = async () =>
      (await api().db.pool.query('SELECT last_used_at FROM api_keys WHERE id = $1', [api().acme.keyId]))
        .rows[0].last_used_at;
    expect(await used()).toBeNull();
    expect((await api().call('/jobs')).status).toBe(200);
    for (let i = 0; i < 200 && (await used()) === null; i++) await sleep(50);
    expect(await used()).toBeInstanceOf(Date);
  });
});
