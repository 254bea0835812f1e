import { useState } from 'react';
import { Link } from 'wouter';
import { normalizeJob } from '../api/normalize.ts';
import { isActive, type Job, SEVERITIES } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { useApi } from '../auth/api-context.tsx';
import { StatusBadge } from '../jobs/status-badge.tsx';
import { BarChart } from '../ui/bar-chart.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatAge, formatCount } from '../ui/format.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { Downloads } from './downloads.tsx';
import { FindingsTable } from './findings-table.tsx';
import { ObjectsTable } from './objects-table.tsx';
import { useFindingSummary } from './use-finding-summary.ts';

/** Poll a running job every 2 s; stop once it has finished. */
const JOB_POLL_MS = 2_000;

/** One job: live progress, charts, downloads, objects and findings. */
export function JobPage({ jobId }: { jobId: string }) {
  const api = useApi();
  const {
    data: job,
    error,
    mutate,
  } = useApiGet<Job>(
    `/jobs/${encodeURIComponent(jobId)}`,
    {},
    (b) => normalizeJob(b as Record<string, unknown>),
    { refreshInterval: (j) => (j && !isActive(j.status) ? 0 : JOB_POLL_MS) },
  );
  const { summary, error: summaryError } = useFindingSummary(job);
  const [cancelError, setCancelError] = useState<unknown>(null);

  if (error && !job) {
    return (
      <section className="card">
        <ErrorMessage error={error} notFound="No such job for this API key (404)." />
        <Link href="/">Back to jobs</Link>
      </section>
    );
  }
  if (!job) return <p className="muted">Loading job…</p>;

  const live = isActive(job.status);
  async function cancel() {
    setCancelError(null);
    try {
      await api.post(`/jobs/${encodeURIComponent(jobId)}/cancel`, {});
      await mutate();
    } catch (err) {
      setCancelError(err);
    }
  }

  return (
    <div className="job-page">
      <section className="card" aria-labelledby="job-title">
        <nav aria-label="Breadcrumb" className="small">
          <Link href="/">Jobs</Link> / {job.id}
        </nav>
        <div className="section-head">
          <h2 id="job-title" className="break">
            {job.name || job.source}
          </h2>
          <span aria-live="polite">
            <StatusBadge status={job.status} />
          </span>
        </div>
        <p className="muted small break">
          {job.source} · started {formatAge(job.createdAt)} · {formatCount(job.findings)} findings
        </p>
        {job.error && <p className="error">{job.error}</p>}
        <ProgressBar label="Objects" unit="objects" done={job.objectsDone} total={job.objectsTotal} />
        <ProgressBar label="Bytes" unit="bytes" done={job.bytesDone} total={job.bytesTotal} />
        {live && (
          <button type="button" onClick={cancel}>
            Cancel job
          </button>
        )}
        <ErrorMessage error={cancelError} />
      </section>

      <section className="card" aria-labelledby="charts-title">
        <h2 id="charts-title">Findings by detector, category and severity</h2>
        <ErrorMessage error={summaryError} />
        {summary ? (
          <div className="charts">
            <BarChart
              title="By severity"
              counts={summary.bySeverity}
              order={SEVERITIES}
              classFor={(k) => `sev-${k}`}
            />
            <BarChart title="By category" counts={summary.byCategory} />
            <BarChart title="By detector" counts={summary.byDetector} />
          </div>
        ) : (
          !summaryError && <p className="muted">Counting findings…</p>
        )}
        {summary?.partial && <p className="muted small">Counted from the first 5,000 findings.</p>}
      </section>

      <Downloads jobId={job.id} />
      <FindingsTable
        jobId={job.id}
        detectors={Object.keys(summary?.byDetector ?? {}).sort()}
        version={`${job.status}:${job.findings}`}
      />
      <ObjectsTable jobId={job.id} version={`${job.status}:${job.objectsDone}:${job.findings}`} />
    </div>
  );
}
