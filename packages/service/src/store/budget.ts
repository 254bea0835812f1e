import type pg from 'pg';
import type { BudgetRates } from '../ports/job-store.ts';

/**
 * Counts one object of `size` bytes against the job's budget, in one statement so concurrent
 * workers never start more than it allows: the object starts only when the objects, bytes and
 * estimated cost started so far plus this one stay within every limit. When it does not, the job
 * is marked `budget_exceeded` and false is returned. A job without a budget always starts it.
 */
export async function reserveBudget(
  db: pg.Pool,
  jobId: string,
  size: number,
  rates: BudgetRates,
): Promise<boolean> {
  const { rows } = await db.query<{ reserved: boolean }>(
    `WITH reserved AS (
       UPDATE jobs SET budget_objects_started = budget_objects_started + 1,
                       budget_bytes_started = budget_bytes_started + $2
        WHERE id = $1 AND NOT budget_exceeded
          AND (budget->>'max_objects' IS NULL OR budget_objects_started + 1 <= (budget->>'max_objects')::bigint)
          AND (budget->>'max_bytes' IS NULL OR budget_bytes_started + $2 <= (budget->>'max_bytes')::bigint)
          AND (budget->>'max_cost_usd' IS NULL OR
               (budget_objects_started + 1) * $3::float8 + (budget_bytes_started + $2) * $4::float8
                 <= (budget->>'max_cost_usd')::float8)
        RETURNING 1),
     refused AS (
       UPDATE jobs SET budget_exceeded = true, updated_at = now()
        WHERE id = $1 AND budget IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reserved)
        RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM reserved) OR NOT EXISTS (SELECT 1 FROM refused) AS reserved`,
    [jobId, size, rates.usdPerObject, rates.usdPerByte],
  );
  return rows[0]?.reserved === true;
}
