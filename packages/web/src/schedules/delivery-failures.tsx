import { useId } from 'react';
import { Link } from 'wouter';
import { ok } from '../api/api-client.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatAge } from '../ui/format.ts';

/** Failures are read again this often, so a test sent a moment ago shows its outcome. */
const FAILURES_POLL_MS = 10_000;

/** The tenant's latest notifications that failed: dead ones with the reason, and ones waiting for a retry. */
export function DeliveryFailures({ version }: { version: number }) {
  const id = useId();
  const { data, error } = useApiGet(
    ['/settings/notifications/failures', version],
    (http) => ok(http.GET('/settings/notifications/failures', { params: { query: { limit: 10 } } })),
    { refreshInterval: FAILURES_POLL_MS },
  );
  return (
    <section aria-labelledby={`${id}-title`} className="failures">
      <h3 id={`${id}-title`}>Recent delivery failures</h3>
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <p className="muted">No failed deliveries.</p>}
      {data && data.items.length > 0 && (
        <ul className="plain-list failure-list">
          {data.items.map((f) => (
            <li key={`${f.created_at}-${f.channel}-${f.job_id ?? 'test'}`}>
              <strong>{f.channel}</strong>{' '}
              <span className={`badge ${f.status === 'dead' ? 'status-failed' : 'status-queued'}`}>
                {f.status === 'dead' ? `gave up after ${f.attempts}` : `retrying (attempt ${f.attempts})`}
              </span>{' '}
              {f.job_id ? (
                <Link href={`/jobs/${encodeURIComponent(f.job_id)}`}>{f.job_name || 'job'}</Link>
              ) : (
                'test notification'
              )}{' '}
              <time className="muted small" dateTime={f.dead_at ?? f.created_at}>
                {formatAge(f.dead_at ?? f.created_at)}
              </time>
              <div className="error small break">{f.error}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
