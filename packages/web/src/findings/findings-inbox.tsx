import { type FormEvent, useEffect, useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import {
  EXPOSURE_SORTS,
  EXPOSURE_STATES,
  type Exposure,
  type ExposureSort,
  STATE_LABELS,
} from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { useApi } from '../auth/api-context.tsx';
import { formatAge, formatCount } from '../ui/format.ts';
import { PagedTable } from '../ui/paged-table.tsx';
import { SeverityOptions } from '../ui/severity-options.tsx';
import { useKeyset } from '../ui/use-keyset.ts';
import { usePageTitle } from '../ui/use-page-title.ts';
import { exposureLabel, StateBadge } from './exposure-label.tsx';
import { InboxExport } from './inbox-export.tsx';
import { type InboxFilters, inboxHref, parseInboxFilters } from './inbox-filters.ts';
import { TriageForm } from './triage-form.tsx';

const PAGE_SIZE = 50;

const SORT_LABELS: Record<ExposureSort, string> = {
  '-severity': 'Most severe first',
  severity: 'Least severe first',
  '-lastSeen': 'Last seen, newest first',
  lastSeen: 'Last seen, oldest first',
  '-firstSeen': 'First seen, newest first',
  firstSeen: 'First seen, oldest first',
  '-count': 'Most occurrences first',
  count: 'Fewest occurrences first',
};

const TEXT_FILTERS = [
  { key: 'detector', label: 'Detector', placeholder: 'e.g. aws-access-key-id' },
  { key: 'category', label: 'Category', placeholder: 'e.g. credentials' },
  { key: 'source', label: 'Source', placeholder: 's3://bucket/prefix or file:///path' },
  { key: 'object', label: 'Object key starts with', placeholder: 'e.g. exports/2026/' },
] as const;

/**
 * Changes some filters of the inbox shown, read from the hash at the time of the change (so two
 * quick changes both count), as a new history entry, so Back returns to the filters before.
 */
function show(patch: InboxFilters) {
  const current = parseInboxFilters(window.location.hash.split('?')[1] ?? '');
  window.location.hash = inboxHref({ ...current, ...patch }).slice(1);
}

/**
 * The findings inbox across jobs: one row per exposure, most severe first, filtered by the API,
 * with bulk selection and a state change with a note. Filters live in the hash (`#/findings?…`),
 * so the job page's charts and objects link to a filtered view.
 */
export function FindingsInbox({ query }: { query: string }) {
  usePageTitle('Findings');
  const api = useApi();
  const id = useId();
  const filters = parseInboxFilters(query);
  const keyset = useKeyset();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const request = { ...filters, limit: PAGE_SIZE, cursor: keyset.cursor };
  const { data, error, isLoading, mutate } = useApiGet(
    ['/findings', request],
    (http) => ok(http.GET('/findings', { params: { query: request } })),
    { keepPreviousData: true },
  );
  const { reset } = keyset;
  // A new filter starts at the first page with nothing selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the trigger.
  useEffect(() => {
    reset();
    setSelected(new Set());
    setDrafts({});
  }, [query, reset]);

  const items = data?.items ?? [];
  const allSelected = items.length > 0 && items.every((e) => selected.has(e.id));
  const toggle = (e: Exposure) =>
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(e.id)) next.delete(e.id);
      else next.add(e.id);
      return next;
    });

  function applyText(e: FormEvent) {
    e.preventDefault();
    const next: InboxFilters = {};
    for (const { key } of TEXT_FILTERS) {
      const v = (drafts[key] ?? filters[key] ?? '').trim();
      next[key] = v || undefined;
    }
    const after = drafts.firstSeenAfter ?? filters.firstSeenAfter?.slice(0, 10) ?? '';
    next.firstSeenAfter = after ? new Date(`${after}T00:00:00Z`).toISOString() : undefined;
    show(next);
  }

  async function triage(state: Exposure['state'], note: string | undefined) {
    setStatus(null);
    const ids = [...selected];
    const r = await ok(
      api.http.POST('/findings/triage', { body: { ids, state, ...(note ? { note } : {}) } }),
    );
    setStatus(
      `${formatCount(r.updated)} marked ${STATE_LABELS[state]}` +
        (r.unchanged ? `, ${formatCount(r.unchanged)} already were` : '') +
        (r.not_found ? `, ${formatCount(r.not_found)} not found` : '') +
        '.',
    );
    setSelected(new Set());
    await mutate();
  }

  const draft = (key: string, fallback: string | undefined) => drafts[key] ?? fallback ?? '';
  return (
    <section className="card inbox" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Findings</h1>
      <p className="muted small">
        One row per exposure: a distinct value wherever it occurs, or personal data counted in one field of
        one object. States persist across scans.
      </p>
      {filters.job && (
        <p className="small">
          Found by job <a href={`#/jobs/${encodeURIComponent(filters.job)}`}>{filters.job}</a>.{' '}
          <a href={inboxHref({ ...filters, job: undefined })}>Show every job</a>
        </p>
      )}
      <form className="filters" aria-label="Filter findings" onSubmit={applyText}>
        <label>
          State
          <select
            value={filters.state ?? ''}
            onChange={(e) => show({ state: (e.target.value || undefined) as InboxFilters['state'] })}
          >
            <option value="">All states</option>
            {EXPOSURE_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select
            value={filters.severity ?? ''}
            onChange={(e) => show({ severity: (e.target.value || undefined) as InboxFilters['severity'] })}
          >
            <SeverityOptions />
          </select>
        </label>
        <label>
          Sort
          <select
            value={filters.sort ?? '-severity'}
            onChange={(e) => show({ sort: e.target.value as ExposureSort })}
          >
            {EXPOSURE_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {TEXT_FILTERS.map(({ key, label, placeholder }) => (
          <label key={key}>
            {label}
            <input
              type="search"
              value={draft(key, filters[key])}
              placeholder={placeholder}
              onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
            />
          </label>
        ))}
        <label>
          First seen after
          <input
            type="date"
            value={draft('firstSeenAfter', filters.firstSeenAfter?.slice(0, 10))}
            onChange={(e) => setDrafts((d) => ({ ...d, firstSeenAfter: e.target.value }))}
          />
        </label>
        <button type="submit">Apply</button>
      </form>

      <InboxExport filters={filters} />
      <div className="bulk">
        <label className="inline">
          <input
            type="checkbox"
            checked={allSelected}
            disabled={items.length === 0}
            onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((e) => e.id)))}
          />
          Select all on this page
        </label>
        <TriageForm
          legend={`Change the state of ${formatCount(selected.size)} selected`}
          action={`Apply to ${formatCount(selected.size)} selected`}
          disabled={selected.size === 0}
          onSubmit={triage}
        />
        <p role="status" className="muted">
          {status}
        </p>
      </div>

      <PagedTable
        columns={[{ hidden: 'Select' }, 'Severity', 'Finding', 'State', 'Where', 'Last seen']}
        page={data}
        error={error}
        loading={isLoading}
        noun="findings"
        empty="No findings match."
        className="inbox-table"
        pagerLabel="Findings pages"
        keyset={keyset}
        onPage={() => setSelected(new Set())}
        row={(e) => (
          <tr key={e.id}>
            <td>
              <input
                type="checkbox"
                checked={selected.has(e.id)}
                aria-label={`Select ${e.detector} ${exposureLabel(e)}`}
                onChange={() => toggle(e)}
              />
            </td>
            <td data-label="Severity">
              <span className={`badge sev-${e.severity}`}>{e.severity}</span>
            </td>
            <td data-label="Finding" className="break">
              <a href={`#/findings/${encodeURIComponent(e.id)}`}>
                {e.detector} <code>{exposureLabel(e)}</code>
              </a>
              <div className="muted small">{e.category}</div>
            </td>
            <td data-label="State">
              <StateBadge state={e.state} />
            </td>
            <td data-label="Where" className="break">
              {formatCount(e.occurrences)} {e.occurrences === 1 ? 'occurrence' : 'occurrences'} in{' '}
              {formatCount(e.objects)} {e.objects === 1 ? 'object' : 'objects'}
              {e.object && <div className="muted small">{e.object.key}</div>}
              {e.sources.length > 0 && <div className="muted small">{e.sources.join(', ')}</div>}
            </td>
            <td data-label="Last seen">
              <time dateTime={e.last_seen_at}>{formatAge(e.last_seen_at)}</time>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
