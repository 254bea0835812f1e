import { z } from '@hono/zod-openapi';
import { JOB_STATUSES } from '../ports/job-store.ts';
import type { RollingJobRef, Watch } from '../ports/watch-store.ts';

export const RollingJobSchema = z
  .object({
    job_id: z.string().uuid(),
    hour: z.string().openapi({ format: 'date-time', description: 'Start of the hour (UTC) the job gathers' }),
    status: z.enum(JOB_STATUSES).openapi({ description: '`listing` while the hour is open' }),
  })
  .openapi('RollingJob');

export const WatchSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().nullable(),
    source: z.string(),
    detectors: z.array(z.string()).nullable(),
    exclude: z.array(z.string()),
    created_at: z.string().openapi({ format: 'date-time' }),
    rolling_jobs: z.array(RollingJobSchema).openapi({
      description:
        'Its most recent rolling jobs (one per hour in which something arrived), newest first; empty in lists',
    }),
  })
  .openapi('Watch');
export type WatchView = z.infer<typeof WatchSchema>;

export const WatchListSchema = z
  .object({ items: z.array(WatchSchema), next_cursor: z.string().nullable() })
  .openapi('WatchList');

/** The API's JSON form of a watch and its recent rolling jobs. */
export function watchView(w: Watch, jobs: readonly RollingJobRef[] = []): WatchView {
  return {
    id: w.id,
    name: w.name,
    source: w.source,
    detectors: w.detectors,
    exclude: w.exclude,
    created_at: w.createdAt.toISOString(),
    rolling_jobs: jobs.map((j) => ({ job_id: j.jobId, hour: j.hour.toISOString(), status: j.status })),
  };
}
