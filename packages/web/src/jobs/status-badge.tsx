import type { JobObjectStatus, JobStatus } from '../api/types.ts';

/** A job or object status as a coloured label (the text carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: JobStatus | JobObjectStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status}</span>;
}
