import { Fragment, useId, useState } from 'react';
import { normalizePage } from '../api/normalize.ts';
import { type Finding, type Page, SEVERITIES } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Pager } from '../ui/pager.tsx';
import { useKeyset } from '../ui/use-keyset.ts';
import { formatLocation } from './format-location.ts';

const PAGE_SIZE = 25;

export interface FindingsTableProps {
  jobId: string;
  /** Detector ids offered in the filter. */
  detectors: string[];
  /** Poll while the job runs so new findings show up. */
  live: boolean;
}

/** The job's findings, filterable by detector, severity and object, paged with `next_cursor`. */
export function FindingsTable({ jobId, detectors, live }: FindingsTableProps) {
  const id = useId();
  const [detector, setDetector] = useState('');
  const [severity, setSeverity] = useState('');
  const [objectDraft, setObjectDraft] = useState('');
  const [object, setObject] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const keyset = useKeyset();
  const { data, error, isLoading } = useApiGet<Page<Finding>>(
    '/results',
    { job_id: jobId, detector, severity, object, limit: PAGE_SIZE, cursor: keyset.cursor },
    (b) => normalizePage(b, (r) => r as unknown as Finding),
    { refreshInterval: live ? 5_000 : 0, keepPreviousData: true },
  );
  // The filters are sent to the API; applying them again here keeps the table right if the
  // server ignores one of them.
  const items = (data?.items ?? []).filter(
    (f) =>
      (!detector || f.detector === detector) &&
      (!severity || f.severity === severity) &&
      (!object || f.object?.key === object),
  );

  const change = (fn: () => void) => {
    fn();
    keyset.reset();
    setOpen(null);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Findings</h2>
      <form
        className="filters"
        aria-label="Filter findings"
        onSubmit={(e) => {
          e.preventDefault();
          change(() => setObject(objectDraft.trim()));
        }}
      >
        <label>
          Detector
          <select value={detector} onChange={(e) => change(() => setDetector(e.target.value))}>
            <option value="">All detectors</option>
            {detectors.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select value={severity} onChange={(e) => change(() => setSeverity(e.target.value))}>
            <option value="">All severities</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Object
          <input
            type="search"
            value={objectDraft}
            placeholder="exact object key"
            onChange={(e) => setObjectDraft(e.target.value)}
          />
        </label>
        <button type="submit">Apply</button>
      </form>
      <ErrorMessage error={error} />
      {isLoading && <p className="muted">Loading findings…</p>}
      {data && items.length === 0 && <p className="muted">No findings match.</p>}
      {items.length > 0 && (
        <table className="table findings-table">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Detector</th>
              <th scope="col">Object</th>
              <th scope="col">Location</th>
              <th scope="col">Value (masked)</th>
              <th scope="col">
                <span className="visually-hidden">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <Fragment key={f.id}>
                <tr>
                  <td data-label="Severity">
                    <span className={`badge sev-${f.severity}`}>{f.severity}</span>
                  </td>
                  <td data-label="Detector">{f.detector}</td>
                  <td data-label="Object" className="break">
                    <button
                      type="button"
                      className="link-button"
                      title="Show only this object's findings"
                      onClick={() =>
                        change(() => {
                          setObjectDraft(f.object.key);
                          setObject(f.object.key);
                        })
                      }
                    >
                      {f.object?.key}
                    </button>
                  </td>
                  <td data-label="Location">{formatLocation(f.location)}</td>
                  <td data-label="Value">
                    <code>{f.redacted}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === f.id}
                      aria-controls={`${id}-${f.id}`}
                      onClick={() => setOpen(open === f.id ? null : f.id)}
                    >
                      {open === f.id ? 'Hide' : 'Details'}
                      <span className="visually-hidden"> of finding {f.id}</span>
                    </button>
                  </td>
                </tr>
                {open === f.id && (
                  <tr className="details-row">
                    <td colSpan={6} id={`${id}-${f.id}`}>
                      <FindingDetails finding={f} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Findings pages"
        page={keyset.page}
        hasPrevious={keyset.hasPrevious}
        hasNext={!!data?.nextCursor}
        onPrevious={() => {
          keyset.previous();
          setOpen(null);
        }}
        onNext={() => {
          if (data?.nextCursor) keyset.next(data.nextCursor);
          setOpen(null);
        }}
      />
    </section>
  );
}

function FindingDetails({ finding: f }: { finding: Finding }) {
  const l = f.location ?? ({} as Finding['location']);
  const rows: [string, string | number | undefined][] = [
    ['Finding id', f.id],
    ['Detector', f.detector],
    ['Category', f.category],
    ['Severity', f.severity],
    ['Confidence', f.confidence !== undefined ? `${Math.round(f.confidence * 100)}%` : undefined],
    ['Bucket', f.object?.bucket],
    ['Object key', f.object?.key],
    ['Version', f.object?.version_id],
    ['Location', formatLocation(f.location)],
    ['Bytes', l.byte_start !== undefined ? `${l.byte_start}–${l.byte_end}` : undefined],
    ['Masked value', f.redacted],
    ['Fingerprint', f.fingerprint],
  ];
  return (
    <dl className="details" aria-label="Finding details">
      {rows
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="break">{v}</dd>
          </div>
        ))}
    </dl>
  );
}
