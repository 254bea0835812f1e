import { useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useApi } from '../auth/api-context.tsx';

interface Format {
  label: string;
  path: (jobId: string) => string;
  query?: Record<string, string>;
  ext: string;
}

const FORMATS: Format[] = [
  { label: 'SARIF', path: (id) => `/jobs/${id}/export`, query: { format: 'sarif' }, ext: 'sarif' },
  { label: 'CSV', path: (id) => `/jobs/${id}/export`, query: { format: 'csv' }, ext: 'csv' },
  { label: 'JSON', path: (id) => `/jobs/${id}/export`, query: { format: 'json' }, ext: 'json' },
  // Streamed through the API: a fetch carrying the key cannot follow a redirect to another origin.
  { label: 'PDF report', path: (id) => `/jobs/${id}/report.pdf`, query: { delivery: 'stream' }, ext: 'pdf' },
];

/**
 * Export and report downloads. The key travels in a header, so each file is fetched and saved
 * from a blob; a 404 says the server has no exports (yet) instead of failing silently.
 */
export function Downloads({ jobId }: { jobId: string }) {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function download(f: Format) {
    setBusy(f.label);
    setMessage(null);
    const enc = encodeURIComponent(jobId);
    try {
      const file = await api.download(f.path(enc), f.query, `data-scanner-${jobId}.${f.ext}`);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage(`${f.label} downloaded as ${file.filename}.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        setMessage(
          `${f.label} is not available: the server answered 404 (exports and reports are not enabled on this server, or the job is gone).`,
        );
      } else {
        setMessage(`${f.label} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="downloads-title">
      <h2 id="downloads-title">Downloads</h2>
      <div className="button-row">
        {FORMATS.map((f) => (
          <button key={f.label} type="button" onClick={() => download(f)} disabled={busy !== null}>
            {busy === f.label ? `Preparing ${f.label}…` : `Download ${f.label}`}
          </button>
        ))}
      </div>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}
