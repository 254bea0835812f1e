import type pg from 'pg';
import { aggregateView, findingView } from '../views/row-views.ts';
import type { JobView } from '../views/schemas.ts';
import { type ExportFormat, exportWriter } from './export-writers.ts';
import { aggregateBatches, findingBatches } from './finding-batches.ts';

/** Options of `exportStream`. */
export interface ExportStreamOptions {
  /** Called when reading or writing fails mid-stream (the response is then cut short). */
  onError?: (err: unknown) => void;
}

/**
 * A job's whole result set as one document in `format`, produced as the consumer reads: each pull
 * reads one batch of findings (then of aggregates) and enqueues it as one chunk, so memory holds about one batch
 * whatever the number of findings. Works on running jobs too (findings so far).
 */
export function exportStream(
  pool: pg.Pool,
  job: JobView,
  format: ExportFormat,
  options: ExportStreamOptions = {},
): ReadableStream<Uint8Array> {
  const writer = exportWriter(format, job);
  const findings = findingBatches(pool, job.job_id);
  const aggregates = aggregateBatches(pool, job.job_id);
  let inAggregates = false;
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            const head = writer.start();
            if (head !== '') return controller.enqueue(encoder.encode(head));
          }
          if (!inAggregates) {
            const next = await findings.next();
            if (!next.done) {
              let chunk = '';
              for (const row of next.value) chunk += writer.finding(findingView(row));
              return controller.enqueue(encoder.encode(chunk));
            }
            inAggregates = true;
          }
          const next = await aggregates.next();
          if (next.done) {
            const tail = writer.end();
            if (tail !== '') controller.enqueue(encoder.encode(tail));
            return controller.close();
          }
          let chunk = '';
          for (const row of next.value) chunk += writer.aggregate(aggregateView(row));
          controller.enqueue(encoder.encode(chunk));
        } catch (err) {
          options.onError?.(err);
          throw err;
        }
      },
      async cancel() {
        await findings.return();
        await aggregates.return();
      },
    },
    { highWaterMark: 1 },
  );
}
