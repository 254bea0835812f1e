import { useId } from 'react';
import { ok } from '../api/api-client.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { formatCount } from '../ui/format.ts';
import { PagedTable } from '../ui/paged-table.tsx';
import { useKeyset } from '../ui/use-keyset.ts';
import { formatLocation } from './format-location.ts';

/** Sample locations shown per aggregate; the API keeps a few more. */
const SAMPLES_SHOWN = 3;

export interface AggregatesTableProps {
  jobId: string;
  /** Matches counted in aggregates so far (`progress.findings_aggregated`). */
  aggregated: number;
  /** Changes whenever the job's aggregates may have changed: the page is then read again. */
  version: string;
}

/**
 * High-volume personal data of the job (`GET /results/aggregates`): per object, detector and field,
 * the exact number of matches past the aggregate threshold and where the first ones are. Values are
 * never part of it.
 */
export function AggregatesTable({ jobId, aggregated, version }: AggregatesTableProps) {
  const id = useId();
  const keyset = useKeyset();
  const query = { job_id: jobId, limit: 25, cursor: keyset.cursor };
  const { data, error, isLoading } = useApiGet(
    ['/results/aggregates', query, version],
    (http) => ok(http.GET('/results/aggregates', { params: { query } })),
    { keepPreviousData: true },
  );
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Counted personal data</h2>
      <p className="muted small">
        {formatCount(aggregated)} matches of personal data are counted here rather than listed one by one:
        past the threshold of an object, detector and field, each further match adds to an exact count.
      </p>
      <PagedTable
        columns={['Object', 'Detector', 'Field', 'Matches', 'First locations']}
        page={data}
        error={error}
        loading={isLoading}
        noun="aggregates"
        empty="No aggregates yet."
        className="aggregates-table"
        pagerLabel="Aggregates pages"
        keyset={keyset}
        row={(a) => (
          <tr key={a.id}>
            <td data-label="Object" className="break">
              {a.archive_path ? `${a.object.key} · in ${a.archive_path}` : a.object.key}
            </td>
            <td data-label="Detector">
              <span className={`badge sev-${a.severity}`}>{a.severity}</span> {a.detector}
            </td>
            <td data-label="Field" className="break">
              {a.field ?? 'whole object'}
            </td>
            <td data-label="Matches">
              {formatCount(a.count)}
              <div className="muted small">after {formatCount(a.threshold)} listed</div>
            </td>
            <td data-label="First locations">
              <ul className="plain-list">
                {a.samples.slice(0, SAMPLES_SHOWN).map((l) => (
                  <li key={`${l.byte_start}-${l.byte_end}`}>{formatLocation(l)}</li>
                ))}
              </ul>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
