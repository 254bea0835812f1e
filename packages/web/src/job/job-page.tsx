import { useState } from 'react';
import { Link } from 'wouter';
import { ok } from '../api/api-client.ts';
import { isActive, SEVERITIES, type Severity } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { useApi } from '../auth/api-context.tsx';
import { inboxHref } from '../findings/inbox-filters.ts';
import { StatusBadge } from '../jobs/status-badge.tsx';
import { BarChart } from '../ui/bar-chart.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatAge, formatCount } from '../ui/format.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { AggregatesTable } from './aggregates-table.tsx';
import { Downloads } from './downloads.tsx';
import { ExposureCounts } from './exposure-counts.tsx';
import { FindingsTable } from './findings-table.tsx';
import { ObjectsTable } from './objects-table.tsx';

/** Poll a running job every 2 s; stop once it has finished. */
const JOB_POLL_MS = 2_000;

/** One job: live progress, charts, downloads, objects and findings. */
export function JobPage({ jobId }: { jobId: string }) {
  const api = useApi();
  const {
    data: job,
    error,
    mutate,
  } = useApiGet(
    ['/jobs/{job_id}', jobId],
    (http) => ok(http.GET('/jobs/{job_id}', { params: { path: { job_id: jobId }, query: {}, header: {} } })),
    { refreshInterval: (j) => (j && !isActive(j.status) ? 0 : JOB_POLL_MS) },
  );
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const title = job ? job.name || job.source : 'Job';
  usePageTitle(job ? `${title} · Job` : title);

  if (error && !job) {
    return (
      <section className="card">
        <h1>Job</h1>
        <ErrorMessage error={error} notFound="No such job for this API key (404)." />
        <Link href="/">Back to jobs</Link>
      </section>
    );
  }
  if (!job)
    return (
      <section className="card">
        <h1>Job</h1>
        <p className="muted">Loading job…</p>
      </section>
    );

  const live = isActive(job.status);
  async function cancel() {
    setCancelError(null);
    try {
      await ok(api.http.POST('/jobs/{job_id}/cancel', { params: { path: { job_id: jobId } } }));
      setConfirmingCancel(false);
      await mutate();
    } catch (err) {
      setCancelError(err);
    }
  }

  return (
    <div className="job-page">
      <section className="card" aria-labelledby="job-title">
        <nav aria-label="Breadcrumb" className="small">
          <Link href="/">Jobs</Link> / {job.job_id}
        </nav>
        <div className="section-head">
          <h1 id="job-title" className="break">
            {title}
          </h1>
          <span aria-live="polite">
            <StatusBadge status={job.status} />
          </span>
        </div>
        <p className="muted small break">
          {job.source} · started {formatAge(job.created_at)} · {formatCount(job.progress.findings)} findings
          {job.progress.findings_aggregated > 0 &&
            ` (${formatCount(job.progress.findings_aggregated)} counted in aggregates)`}
        </p>
        {job.reason && <p className="error">{job.reason}</p>}
        <ProgressBar
          label="Objects"
          unit="objects"
          done={job.progress.objects_done}
          total={job.progress.objects_total}
          running={live}
        />
        <ProgressBar
          label="Bytes"
          unit="bytes"
          done={job.progress.bytes_scanned}
          total={job.progress.bytes_total ?? undefined}
          running={live}
        />
        {live && !confirmingCancel && (
          <button type="button" onClick={() => setConfirmingCancel(true)}>
            Cancel job
          </button>
        )}
        {live && confirmingCancel && (
          <fieldset className="confirm">
            <legend>Cancel this job? Objects not scanned yet are skipped; findings so far are kept.</legend>
            <span className="button-row">
              <button type="button" className="danger" onClick={cancel}>
                Yes, cancel the job
              </button>
              <button type="button" onClick={() => setConfirmingCancel(false)}>
                Keep it running
              </button>
            </span>
          </fieldset>
        )}
        <ErrorMessage error={cancelError} />
      </section>

      <section className="card" aria-labelledby="charts-title">
        <h2 id="charts-title">Findings by detector, category and severity</h2>
        <div className="charts">
          <BarChart
            title="By severity"
            counts={job.summary.by_severity}
            order={SEVERITIES}
            classFor={(k) => `sev-${k}`}
            hrefFor={(k) => inboxHref({ job: job.job_id, severity: k as Severity })}
          />
          <BarChart
            title="By category"
            counts={job.summary.by_category}
            hrefFor={(k) => inboxHref({ job: job.job_id, category: k })}
          />
          <BarChart
            title="By detector"
            counts={job.summary.by_detector}
            hrefFor={(k) => inboxHref({ job: job.job_id, detector: k })}
          />
        </div>
      </section>

      <ExposureCounts job={job} />
      <Downloads jobId={job.job_id} />
      <FindingsTable
        jobId={job.job_id}
        detectors={Object.keys(job.summary.by_detector).sort()}
        version={`${job.status}:${job.progress.findings}`}
      />
      {job.progress.findings_aggregated > 0 && (
        <AggregatesTable
          jobId={job.job_id}
          aggregated={job.progress.findings_aggregated}
          version={`${job.status}:${job.progress.findings_aggregated}`}
        />
      )}
      <ObjectsTable
        jobId={job.job_id}
        version={`${job.status}:${job.progress.objects_done}:${job.progress.findings}`}
      />
    </div>
  );
}
