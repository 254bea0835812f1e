import { useId, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Link, useLocation } from 'wouter';
import { ok } from '../api/api-client.ts';
import { isActive, JOB_STATUSES, type Job, type JobStatus } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { formatAge, formatBytes, formatCount } from '../ui/format.ts';
import { PagedTable } from '../ui/paged-table.tsx';
import { StatusFilter } from '../ui/status-filter.tsx';
import { useKeyset } from '../ui/use-keyset.ts';
import { usePageTitle } from '../ui/use-page-title.ts';
import { NewScanForm } from './new-scan-form.tsx';
import { StatusBadge } from './status-badge.tsx';

/** Poll every 3 s while a job on the page is running, every 15 s otherwise. */
const FAST_POLL_MS = 3_000;
const SLOW_POLL_MS = 15_000;

/** The jobs list (polled, so new jobs appear without a reload) and the new scan form. */
export function JobsPage() {
  const [, navigate] = useLocation();
  const { mutate } = useSWRConfig();
  const [status, setStatus] = useState<JobStatus | ''>('');
  const keyset = useKeyset();
  const titleId = useId();
  usePageTitle('Jobs');
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
      <section className="card" aria-labelledby={`${titleId}-title`}>
        <div className="section-head">
          <h1 id={`${titleId}-title`}>Jobs</h1>
          <StatusFilter
            statuses={JOB_STATUSES}
            value={status}
            onChange={(s) => {
              setStatus(s);
              keyset.reset();
            }}
          />
        </div>
        <PagedTable
          columns={['Job', 'Status', 'Progress', 'Findings', 'Age']}
          page={data}
          error={error}
          loading={isLoading}
          noun="jobs"
          empty="No jobs yet. Start a scan with the form."
          className="jobs-table"
          pagerLabel="Jobs pages"
          keyset={keyset}
          row={(job) => <JobRow key={job.job_id} job={job} />}
        />
      </section>
      <NewScanForm
        onQueued={(jobId) => {
          // Every cached page of the list is stale now: read again, never from the dedupe window.
          void mutate((key) => Array.isArray(key) && key[0] === '/jobs');
          navigate(`/jobs/${encodeURIComponent(jobId)}`);
        }}
      />
    </div>
  );
}

function JobRow({ job }: { job: Job }) {
  const { objects_total: total, objects_done: done } = job.progress;
  const objects = total
    ? `${formatCount(done)} / ${formatCount(total)} objects`
    : `${formatCount(done)} objects`;
  const pct = total ? Math.round((done / total) * 100) : undefined;
  const indeterminate = pct === undefined && isActive(job.status);
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
          {indeterminate ? <div className="indeterminate" /> : <div style={{ width: `${pct ?? 0}%` }} />}
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
