import { Fragment, useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import type { Finding, Severity } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { PagedTable } from '../ui/paged-table.tsx';
import { SeverityOptions } from '../ui/severity-options.tsx';
import { useKeyset } from '../ui/use-keyset.ts';
import { formatLocation } from './format-location.ts';

const PAGE_SIZES = [10, 25, 100];
const SORTS = [
  { value: 'severity', label: 'Most severe first' },
  { value: 'seq', label: 'In the order found' },
  { value: 'object', label: 'By object' },
] as const;
type Sort = (typeof SORTS)[number]['value'];

export interface FindingsTableProps {
  jobId: string;
  /** Detector ids offered in the filter. */
  detectors: string[];
  /** Changes whenever the job's findings may have changed (status, count): the page is then read again. */
  version: string;
}

/** The job's findings, filtered by the API by detector, severity and object, paged with `next_cursor`. */
export function FindingsTable({ jobId, detectors, version }: FindingsTableProps) {
  const id = useId();
  const [detector, setDetector] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [objectDraft, setObjectDraft] = useState('');
  const [object, setObject] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [pageSize, setPageSize] = useState(25);
  const [sort, setSort] = useState<Sort>('severity');
  const keyset = useKeyset();
  const query = {
    job_id: jobId,
    detector: detector || undefined,
    severity: severity || undefined,
    object: object || undefined,
    sort,
    limit: pageSize,
    cursor: keyset.cursor,
  };
  const { data, error, isLoading } = useApiGet(
    ['/results', query, version],
    (http) => ok(http.GET('/results', { params: { query } })),
    { keepPreviousData: true },
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
          <select
            value={severity}
            onChange={(e) => change(() => setSeverity(e.target.value as Severity | ''))}
          >
            <SeverityOptions />
          </select>
        </label>
        <label>
          Object
          <input
            type="search"
            value={objectDraft}
            placeholder="object key or prefix"
            onChange={(e) => setObjectDraft(e.target.value)}
          />
        </label>
        <button type="submit">Apply</button>
        <label>
          Sort
          <select value={sort} onChange={(e) => change(() => setSort(e.target.value as Sort))}>
            {SORTS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rows per page
          <select value={pageSize} onChange={(e) => change(() => setPageSize(Number(e.target.value)))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </form>
      <PagedTable
        columns={['Severity', 'Detector', 'Object', 'Location', 'Value (masked)', { hidden: 'Details' }]}
        page={data}
        error={error}
        loading={isLoading}
        noun="findings"
        empty="No findings match."
        className="findings-table"
        pagerLabel="Findings pages"
        keyset={keyset}
        onPage={() => setOpen(null)}
        row={(f) => (
          <Fragment key={f.id}>
            <tr>
              <td data-label="Severity">
                <span className={`badge sev-${f.severity}`}>{f.severity}</span>
              </td>
              <td data-label="Detector">{f.detector}</td>
              <td data-label="Object" className="break">
                <button
                  type="button"
                  className="link-button wrap"
                  title="Show only this object's findings"
                  onClick={() =>
                    change(() => {
                      setObjectDraft(f.object.key);
                      setObject(f.object.key);
                    })
                  }
                >
                  {f.object.key}
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
                  aria-label={`Details of finding ${f.id}`}
                  aria-expanded={open === f.id}
                  aria-controls={`${id}-${f.id}`}
                  onClick={() => setOpen(open === f.id ? null : f.id)}
                >
                  {open === f.id ? 'Hide' : 'Details'}
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
        )}
      />
    </section>
  );
}

function FindingDetails({ finding: f }: { finding: Finding }) {
  const l = f.location;
  const rows: [string, string | number | undefined][] = [
    ['Finding id', f.id],
    ['Detector', f.detector],
    ['Category', f.category],
    ['Severity', f.severity],
    ['Confidence', `${Math.round(f.confidence * 100)}%`],
    ['Bucket', f.object.bucket],
    ['Object key', f.object.key],
    ['Version', f.object.version_id],
    ['Location', formatLocation(f.location)],
    ['Bytes', `${l.byte_start}–${l.byte_end}`],
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
