import { useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ok } from '../api/api-client.ts';
import { isActive, JOB_STATUSES, type Job, type JobStatus } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatAge, formatBytes, formatCount } from '../ui/format.ts';
import { Pager } from '../ui/pager.tsx';
import { useKeyset } from '../ui/use-keyset.ts';
import { NewScanForm } from './new-scan-form.tsx';
import { StatusBadge } from './status-badge.tsx';

/** Poll every 3 s while a job on the page is running, every 15 s otherwise. */
const FAST_POLL_MS = 3_000;
const SLOW_POLL_MS = 15_000;

/** The jobs list (polled, so new jobs appear without a reload) and the new scan form. */
export function JobsPage() {
  const [, navigate] = useLocation();
  const [status, setStatus] = useState<JobStatus | ''>('');
  const keyset = useKeyset();
  const filterId = useId();
  const { data, error, isLoading } = useApiGet(
    ['/jobs', status, keyset.cursor],
    (http) =>
      ok(
        http.GET('/jobs', {
          params: { query: { status: status || undefined, limit: 25, cursor: keyset.cursor } },
        }),
      ),
    { refreshInterval: (d) => (d?.items.some((j) => isActive(j.status)) ? FAST_POLL_MS : SLOW_POLL_MS) },
  );

  return (
    <div className="jobs-layout">
      <section className="card" aria-labelledby={`${filterId}-title`}>
        <div className="section-head">
          <h2 id={`${filterId}-title`}>Jobs</h2>
          <label htmlFor={filterId}>
            Status{' '}
            <select
              id={filterId}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as JobStatus | '');
                keyset.reset();
              }}
            >
              <option value="">All</option>
              {JOB_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ErrorMessage error={error} />
        {isLoading && <p className="muted">Loading jobs…</p>}
        {data && data.items.length === 0 && <p className="muted">No jobs yet. Start a scan with the form.</p>}
        {data && data.items.length > 0 && (
          <table className="table jobs-table">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Findings</th>
                <th scope="col">Age</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((job) => (
                <JobRow key={job.job_id} job={job} />
              ))}
            </tbody>
          </table>
        )}
        <Pager
          label="Jobs pages"
          page={keyset.page}
          hasPrevious={keyset.hasPrevious}
          hasNext={!!data?.next_cursor}
          onPrevious={keyset.previous}
          onNext={() => data?.next_cursor && keyset.next(data.next_cursor)}
        />
      </section>
      <NewScanForm onQueued={(jobId) => navigate(`/jobs/${encodeURIComponent(jobId)}`)} />
    </div>
  );
}

function JobRow({ job }: { job: Job }) {
  const { objects_total: total, objects_done: done } = job.progress;
  const objects = total
    ? `${formatCount(done)} / ${formatCount(total)} objects`
    : `${formatCount(done)} objects`;
  const pct = total ? Math.round((done / total) * 100) : undefined;
  return (
    <tr>
      <td data-label="Job">
        <Link href={`/jobs/${encodeURIComponent(job.job_id)}`}>{job.name || job.source || job.job_id}</Link>
        {job.name && <div className="muted small">{job.source}</div>}
      </td>
      <td data-label="Status">
        <StatusBadge status={job.status} />
      </td>
      <td data-label="Progress">
        <div className="mini-progress" aria-hidden="true">
          <div style={{ width: `${pct ?? 0}%` }} />
        </div>
        <span className="small">
          {objects}, {formatBytes(job.progress.bytes_scanned)}
        </span>
      </td>
      <td data-label="Findings">{formatCount(job.progress.findings)}</td>
      <td data-label="Age">
        <time dateTime={job.created_at}>{formatAge(job.created_at)}</time>
      </td>
    </tr>
  );
}
