import path from 'node:path';
import type { JobSample } from '../ports/job-store.ts';
import type { ObjectSource } from '../ports/object-source.ts';
import { ObjectSampler } from '../sampling/object-sampler.ts';
import { excludeMatcher } from '../sources/exclude-matcher.ts';
import { type ScanCostModel, scanCost } from './scan-cost-model.ts';

/** Objects and bytes of one format (by file extension; `(none)` without one). */
export interface FormatTotals {
  objects: number;
  bytes: number;
}

/** What a scan of a source would read, how long it would take and what it would cost. */
export interface ScanEstimate {
  source: string;
  /** Objects the scan would read, and their bytes (after exclusions and the sample). */
  objects: number;
  bytes: number;
  by_format: Record<string, FormatTotals>;
  /** Objects listed but not read, per rule. */
  skipped: { excluded: number; sampled_out: number; unscannable: number };
  /** False when listing stopped at `maxObjects`: the figures cover the objects listed so far. */
  listing_complete: boolean;
  profile: string;
  /** Bytes per second one worker task scans (the measured throughput at the profile's worker size). */
  worker_bytes_per_second: number;
  /** Hours one worker task takes, and with the profile's most worker tasks. */
  estimated_hours: { one_worker: number; max_workers: number; workers: number };
  /** USD of the scan's worker time, S3 requests and queue messages on the profile (not the fixed monthly bill). */
  estimated_cost_usd: number;
}

/** Options of `estimateScan`. */
export interface EstimateOptions {
  exclude?: string[] | undefined;
  sample?: JobSample | null | undefined;
  costModel: ScanCostModel;
  /** Listing stops after this many entries. @default 1000000 */
  maxObjects?: number;
  signal?: AbortSignal;
}

function formatOf(key: string): string {
  const ext = path.extname(key).toLowerCase();
  return ext === '' ? '(none)' : ext.slice(1);
}

/** Lists `source` (reading no object) and estimates the scan `options` describe. */
export async function estimateScan(source: ObjectSource, options: EstimateOptions): Promise<ScanEstimate> {
  const excluded = excludeMatcher(options.exclude);
  const sampler = new ObjectSampler(options.sample);
  const cap = options.sample?.max_bytes_per_object;
  const maxObjects = options.maxObjects ?? 1_000_000;
  const byFormat = new Map<string, FormatTotals>();
  const skipped = { excluded: 0, sampled_out: 0, unscannable: 0 };
  let objects = 0;
  let bytes = 0;
  let listed = 0;
  let complete = true;
  const signal = options.signal;
  for await (const object of source.list(signal ? { signal } : {})) {
    if (listed++ >= maxObjects) {
      complete = false;
      break;
    }
    if (excluded(object.key)) skipped.excluded++;
    else if (object.unscannable) skipped.unscannable++;
    else if (sampler.keep(object.key)) {
      const size = cap === undefined ? object.size : Math.min(object.size, cap);
      objects++;
      bytes += size;
      const format = formatOf(object.key);
      const totals = byFormat.get(format) ?? { objects: 0, bytes: 0 };
      totals.objects++;
      totals.bytes += size;
      byFormat.set(format, totals);
    }
  }
  skipped.sampled_out = sampler.sampledOut;
  const model = options.costModel;
  const oneWorker = bytes / model.bytesPerSecond / 3600;
  const workers = model.worker.maxTasks;
  return {
    source: source.uri,
    objects,
    bytes,
    by_format: Object.fromEntries(
      [...byFormat].sort((a, b) => b[1].bytes - a[1].bytes || (a[0] < b[0] ? -1 : 1)),
    ),
    skipped,
    listing_complete: complete,
    profile: model.profile,
    worker_bytes_per_second: model.bytesPerSecond,
    estimated_hours: { one_worker: oneWorker, max_workers: oneWorker / workers, workers },
    estimated_cost_usd: scanCost(model, objects, bytes),
  };
}
