import { useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { JOB_OBJECT_STATUSES, type JobObjectStatus } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { inboxHref } from '../findings/inbox-filters.ts';
import { StatusBadge } from '../jobs/status-badge.tsx';
import { formatBytes, formatCount } from '../ui/format.ts';
import { PagedTable } from '../ui/paged-table.tsx';
import { StatusFilter } from '../ui/status-filter.tsx';
import { useKeyset } from '../ui/use-keyset.ts';

/**
 * Each object of the job with its status and, when not COMPLETE, the reason code. `version`
 * changes whenever the job's objects may have changed; the page is then read again.
 */
export function ObjectsTable({ jobId, version }: { jobId: string; version: string }) {
  const id = useId();
  const [status, setStatus] = useState<JobObjectStatus | ''>('');
  const keyset = useKeyset();
  const query = { status: status || undefined, limit: 50, cursor: keyset.cursor };
  const { data, error, isLoading } = useApiGet(
    ['/jobs/{job_id}/objects', jobId, query, version],
    (http) => ok(http.GET('/jobs/{job_id}/objects', { params: { path: { job_id: jobId }, query } })),
    { keepPreviousData: true },
  );
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>Objects</h2>
        <StatusFilter
          statuses={JOB_OBJECT_STATUSES}
          value={status}
          onChange={(s) => {
            setStatus(s);
            keyset.reset();
          }}
        />
      </div>
      <PagedTable
        columns={['Object', 'Status', 'Reason', 'Size', 'Findings']}
        page={data}
        error={error}
        loading={isLoading}
        noun="objects"
        empty="No objects yet."
        className="objects-table"
        pagerLabel="Objects pages"
        keyset={keyset}
        row={(o) => (
          <tr key={`${o.bucket ?? ''}/${o.key}`}>
            <td data-label="Object" className="break">
              {o.key}
            </td>
            <td data-label="Status">
              <StatusBadge status={o.status} />
            </td>
            <td data-label="Reason">
              {o.reason ? <code title={o.reason_detail ?? undefined}>{o.reason}</code> : '–'}
              {o.reason_detail && <div className="muted small">{o.reason_detail}</div>}
            </td>
            <td data-label="Size">{formatBytes(o.bytes ?? undefined)}</td>
            <td data-label="Findings">
              {o.findings > 0 || o.findings_aggregated > 0 ? (
                <a
                  href={inboxHref({ job: jobId, object: o.key })}
                  aria-label={`${formatCount(o.findings)} findings in ${o.key}`}
                >
                  {formatCount(o.findings)}
                </a>
              ) : (
                formatCount(o.findings)
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
