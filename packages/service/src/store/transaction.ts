import type pg from 'pg';

/** Runs `work` in one transaction on a pooled client: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** PostgreSQL's `deadlock_detected`: the transaction chosen as the victim was rolled back whole. */
const DEADLOCK = '40P01';

/** Runs `attempt` (a whole transaction) again when PostgreSQL broke a deadlock by rolling it back, up to `times` times. */
export async function retryDeadlock<T>(attempt: () => Promise<T>, times = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if ((err as { code?: unknown }).code !== DEADLOCK || i >= times) throw err;
    }
  }
}
