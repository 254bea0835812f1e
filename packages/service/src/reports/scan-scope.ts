import type { JobSample } from '../ports/job-store.ts';

/** What part of its source a job scanned: stated in every export of a sampled or incremental job. */
export interface ScanScope {
  incremental: boolean;
  objects_unchanged: number;
  sample: JobSample | null;
  objects_sampled_out: number;
}

/** The scope of a job, or undefined when it scanned its whole source. */
export function scanScope(job: {
  incremental: boolean;
  sample: JobSample | null;
  progress: { objects_unchanged: number; objects_sampled_out: number };
}): ScanScope | undefined {
  if (!job.incremental && !job.sample) return undefined;
  return {
    incremental: job.incremental,
    objects_unchanged: job.progress.objects_unchanged,
    sample: job.sample,
    objects_sampled_out: job.progress.objects_sampled_out,
  };
}

/** One line a person reads: `sampled (fraction 0.1; ...): 90 objects left out; incremental: 5 unchanged objects skipped`. */
export function scopeText(scope: ScanScope): string {
  const parts: string[] = [];
  const s = scope.sample;
  if (s) {
    const rules = [
      s.fraction === undefined ? undefined : `fraction ${s.fraction} of each prefix`,
      s.max_objects_per_prefix === undefined
        ? undefined
        : `at most ${s.max_objects_per_prefix} objects per prefix`,
      s.max_bytes_per_object === undefined ? undefined : `at most ${s.max_bytes_per_object} bytes per object`,
    ].filter(Boolean);
    parts.push(`sampled (${rules.join('; ')}): ${scope.objects_sampled_out} object(s) left out`);
  }
  if (scope.incremental) parts.push(`incremental: ${scope.objects_unchanged} unchanged object(s) skipped`);
  return parts.join('; ');
}
