import { useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { STATE_LABELS } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { useApi } from '../auth/api-context.tsx';
import { formatLocation } from '../job/format-location.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatAge, formatCount } from '../ui/format.ts';
import { PagedTable } from '../ui/paged-table.tsx';
import { useKeyset } from '../ui/use-keyset.ts';
import { usePageTitle } from '../ui/use-page-title.ts';
import { exposureLabel, StateBadge } from './exposure-label.tsx';
import { TriageForm } from './triage-form.tsx';

const OCCURRENCES_PER_PAGE = 25;

/** One exposure: what it is, what to do about it, its state and history, and every occurrence across jobs. */
export function FindingPage({ exposureId }: { exposureId: string }) {
  const api = useApi();
  const id = useId();
  const keyset = useKeyset();
  const [status, setStatus] = useState<string | null>(null);
  const query = { limit: OCCURRENCES_PER_PAGE, cursor: keyset.cursor };
  const { data, error, mutate } = useApiGet(
    ['/findings/{id}', exposureId, query],
    (http) => ok(http.GET('/findings/{id}', { params: { path: { id: exposureId }, query } })),
    { keepPreviousData: true },
  );
  const title = data ? `${data.detector} ${exposureLabel(data)}` : 'Finding';
  usePageTitle(title);

  if (!data) {
    return (
      <section className="card">
        <h1>Finding</h1>
        {error ? (
          <ErrorMessage error={error} notFound="No such finding for this API key (404)." />
        ) : (
          <p className="muted">Loading finding…</p>
        )}
        <a href="#/findings">Back to findings</a>
      </section>
    );
  }

  async function change(state: (typeof data & object)['state'], note: string | undefined) {
    setStatus(null);
    await ok(
      api.http.PATCH('/findings/{id}', {
        params: { path: { id: exposureId } },
        body: { state, ...(note ? { note } : {}) },
      }),
    );
    setStatus(`Marked ${STATE_LABELS[state]}.`);
    await mutate();
  }

  const rows: [string, string][] = [
    ['Detector', data.detector],
    ['Category', data.category],
    ['Kind', data.kind === 'value' ? 'one distinct value' : 'personal data counted in one field'],
    ['Masked value', data.redacted ?? ''],
    ['Field', data.field ?? ''],
    [
      'Occurrences (last job that found it)',
      `${formatCount(data.occurrences)} in ${formatCount(data.objects)} objects`,
    ],
    ['Sources', data.sources.join(', ')],
    ['First seen', `${new Date(data.first_seen_at).toISOString()} (${formatAge(data.first_seen_at)})`],
    ['Last seen', `${new Date(data.last_seen_at).toISOString()} (${formatAge(data.last_seen_at)})`],
    ['Fingerprint', data.fingerprint ?? ''],
  ];

  return (
    <div className="finding-page">
      <section className="card" aria-labelledby={`${id}-title`}>
        <nav aria-label="Breadcrumb" className="small">
          <a href="#/findings">Findings</a> / {data.id}
        </nav>
        <div className="section-head">
          <h1 id={`${id}-title`} className="break">
            {data.detector} <code>{exposureLabel(data)}</code>
          </h1>
          <span>
            <span className={`badge sev-${data.severity}`}>{data.severity}</span>{' '}
            <StateBadge state={data.state} />
          </span>
        </div>
        <dl className="details" aria-label="Finding summary">
          {rows
            .filter(([, v]) => v !== '')
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd className="break">{v}</dd>
              </div>
            ))}
        </dl>
      </section>

      <section className="card" aria-labelledby={`${id}-fix`}>
        <h2 id={`${id}-fix`}>What to do</h2>
        <p className="remediation">{data.remediation}</p>
        <TriageForm legend="Change its state" action="Save state" onSubmit={change} />
        <p role="status" className="muted">
          {status}
        </p>
      </section>

      <section className="card" aria-labelledby={`${id}-history`}>
        <h2 id={`${id}-history`}>History</h2>
        {data.history.length === 0 ? (
          <p className="muted">No state changes yet.</p>
        ) : (
          <ol className="plain-list history">
            {data.history.map((h) => (
              <li key={`${h.at}-${h.to_state}`}>
                <time dateTime={h.at}>{new Date(h.at).toISOString().replace('T', ' ').slice(0, 16)} UTC</time>{' '}
                <strong>{h.actor}</strong>: {h.from_state ? `${STATE_LABELS[h.from_state]} → ` : ''}
                {STATE_LABELS[h.to_state]}
                {h.job_id && (
                  <>
                    {' '}
                    (job <a href={`#/jobs/${encodeURIComponent(h.job_id)}`}>{h.job_id.slice(0, 8)}</a>)
                  </>
                )}
                {h.note && <div className="muted">“{h.note}”</div>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-occ`}>
        <h2 id={`${id}-occ`}>Occurrences across objects and jobs</h2>
        <PagedTable
          columns={['Object', 'Location', 'Job', 'Seen']}
          page={data.occurrences_page}
          error={null}
          loading={false}
          noun="occurrences"
          empty="No occurrences kept."
          className="occurrences-table"
          pagerLabel="Occurrences pages"
          keyset={keyset}
          row={(o) => (
            <tr key={`${o.kind}-${o.id}`}>
              <td data-label="Object" className="break">
                {o.object.bucket ? `s3://${o.object.bucket}/${o.object.key}` : o.object.key}
              </td>
              <td data-label="Location">
                {o.kind === 'finding'
                  ? formatLocation(o.location ?? undefined)
                  : `${formatCount(o.count)} matches in ${o.field ?? 'the whole object'}`}
              </td>
              <td data-label="Job">
                <a href={`#/jobs/${encodeURIComponent(o.job_id)}`}>{o.job_id.slice(0, 8)}</a>
              </td>
              <td data-label="Seen">
                <time dateTime={o.seen_at}>{formatAge(o.seen_at)}</time>
              </td>
            </tr>
          )}
        />
      </section>
    </div>
  );
}
