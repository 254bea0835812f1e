import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * Waits until a database connection sits idle right after a queue receive's claim query, that
 * is, the receive found the queue empty and is now long-polling. Watched from PostgreSQL's side.
 */
export async function receiveWaiting(url: string): Promise<void> {
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  try {
    for (;;) {
      const { rows } = await watcher.query(
        `SELECT 1 FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'
           AND position($1 in query) > 0`,
        ['FOR UPDATE SKIP LOCKED'],
      );
      if (rows.length > 0) return;
      await sleep(10);
    }
  } finally {
    await watcher.end();
  }
}
