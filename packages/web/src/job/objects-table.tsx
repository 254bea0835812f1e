import { useId, useState } from 'react';
import { normalizeObject, normalizePage } from '../api/normalize.ts';
import type { JobObject, Page } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { StatusBadge } from '../jobs/status-badge.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatBytes, formatCount } from '../ui/format.ts';
import { Pager } from '../ui/pager.tsx';
import { useKeyset } from '../ui/use-keyset.ts';

const OBJECT_STATUSES = ['PENDING', 'COMPLETE', 'PARTIAL', 'SKIPPED', 'FAILED'];

/**
 * Each object of the job with its status and, when not COMPLETE, the reason code. `version`
 * changes whenever the job's objects may have changed; the page is then read again.
 */
export function ObjectsTable({ jobId, version }: { jobId: string; version: string }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const keyset = useKeyset();
  const { data, error, isLoading } = useApiGet<Page<JobObject>>(
    `/jobs/${encodeURIComponent(jobId)}/objects`,
    { status, limit: 50, cursor: keyset.cursor },
    (b) => normalizePage(b, normalizeObject),
    { keepPreviousData: true },
    version,
  );
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>Objects</h2>
        <label>
          Status{' '}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              keyset.reset();
            }}
          >
            <option value="">All</option>
            {OBJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={error} notFound="This server does not list a job's objects (404)." />
      {isLoading && <p className="muted">Loading objects…</p>}
      {data && data.items.length === 0 && <p className="muted">No objects yet.</p>}
      {data && data.items.length > 0 && (
        <table className="table objects-table">
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col">Size</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((o) => (
              <tr key={`${o.bucket ?? ''}/${o.key}`}>
                <td data-label="Object" className="break">
                  {o.key}
                </td>
                <td data-label="Status">
                  <StatusBadge status={o.status} />
                </td>
                <td data-label="Reason">
                  {o.reason ? <code title={o.reasonDetail}>{o.reason}</code> : '–'}
                  {o.reasonDetail && <div className="muted small">{o.reasonDetail}</div>}
                </td>
                <td data-label="Size">{formatBytes(o.bytes)}</td>
                <td data-label="Findings">{formatCount(o.findings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Objects pages"
        page={keyset.page}
        hasPrevious={keyset.hasPrevious}
        hasNext={!!data?.nextCursor}
        onPrevious={keyset.previous}
        onNext={() => data?.nextCursor && keyset.next(data.nextCursor)}
      />
    </section>
  );
}
