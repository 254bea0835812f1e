import type { JobDetail } from '../api/types.ts';
import { inboxHref } from '../findings/inbox-filters.ts';
import { formatCount } from '../ui/format.ts';

/**
 * What the job changed against the previous complete scan of its source: new, still open,
 * resolved, reopened and suppressed exposures, each a link to the findings inbox.
 */
export function ExposureCounts({ job }: { job: JobDetail }) {
  const e = job.exposures;
  const jobFilter = { job: job.job_id };
  const cells: { label: string; n: number; href: string; hint: string }[] = e
    ? [
        {
          label: 'New',
          n: e.new,
          href: inboxHref({ ...jobFilter, state: 'open' }),
          hint: 'first seen by this job',
        },
        {
          label: 'Open',
          n: e.open,
          href: inboxHref({ ...jobFilter, state: 'open' }),
          hint: 'found and not triaged',
        },
        {
          label: 'Resolved',
          n: e.resolved,
          href: inboxHref({ source: job.source, state: 'resolved' }),
          hint: 'no longer found',
        },
        {
          label: 'Reopened',
          n: e.reopened,
          href: inboxHref({ ...jobFilter, state: 'open' }),
          hint: 'resolved before, found again',
        },
        {
          label: 'Suppressed',
          n: e.suppressed,
          href: inboxHref(jobFilter),
          hint: 'false positive, accepted risk or revoked',
        },
      ]
    : [];
  return (
    <section className="card" aria-labelledby="exposures-title">
      <h2 id="exposures-title">Exposures</h2>
      {e ? (
        <>
          <p className="muted small">
            {e.previous_job_id ? (
              <>
                Compared with the previous complete scan of this source (
                <a href={`#/jobs/${encodeURIComponent(e.previous_job_id)}`}>
                  {e.previous_job_id.slice(0, 8)}
                </a>
                ).
              </>
            ) : (
              'The first complete scan of this source: everything it found is new.'
            )}
          </p>
          <ul className="exposure-counts" aria-label="Exposures of this job">
            {cells.map((c) => (
              <li key={c.label}>
                <a href={c.href}>
                  <span className="count">{formatCount(c.n)}</span> <span className="label">{c.label}</span>
                </a>
                <span className="muted small">{c.hint}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Counted when the job ends.</p>
      )}
      <p>
        <a href={inboxHref(jobFilter)}>Every exposure this job found</a>
      </p>
    </section>
  );
}
