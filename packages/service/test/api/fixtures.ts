import type pg from 'pg';

/** Inserts a job row for a tenant, `minutesAgo` in the past (keyset order is by creation time). */
export async function insertJob(
  pool: pg.Pool,
  tenantId: string,
  options: { status?: string; minutesAgo?: number; source?: string } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO jobs (tenant_id, source, status, created_at, updated_at)
     VALUES ($1, $2, $3, now() - make_interval(mins => $4), now() - make_interval(mins => $4)) RETURNING id`,
    [
      tenantId,
      options.source ?? 's3://allowed-bucket/data/',
      options.status ?? 'queued',
      options.minutesAgo ?? 0,
    ],
  );
  return (rows[0] as { id: string }).id;
}

/** Inserts `count` findings into a job, spread over `objects` keys and alternating two detectors. */
export async function insertFindings(
  pool: pg.Pool,
  job: { id: string; tenantId: string },
  count: number,
  objects = 3,
): Promise<void> {
  await pool.query(
    `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
       byte_start, byte_end, line, col, redacted, fingerprint)
     SELECT $1, $2, 'k' || g, 'obj-' || (g % $4) || '.txt',
       CASE WHEN g % 2 = 0 THEN 'aws-access-key-id' ELSE 'email-address' END,
       'credentials', 'high', 0.9, g * 10, g * 10 + 20, g, 1, 'AKIA************MPLE', md5(g::text)
     FROM generate_series(1, $3) AS g`,
    [job.id, job.tenantId, count, objects],
  );
}

/** Inserts job objects `a.txt`, `b.txt`, ... with the given statuses. */
export async function insertObjects(pool: pg.Pool, jobId: string, statuses: string[]): Promise<void> {
  for (const [i, status] of statuses.entries()) {
    await pool.query(
      `INSERT INTO job_objects (job_id, key, shard, size, status, reason)
       VALUES ($1, $2, 0, 100, $3, CASE WHEN $3 = 'SKIPPED' THEN 'UNSUPPORTED_BINARY' END)`,
      [jobId, `${String.fromCharCode(97 + i)}.txt`, status],
    );
  }
}
