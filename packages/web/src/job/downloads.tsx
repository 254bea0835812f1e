import { useState } from 'react';
import { download as fetchFile, type Http } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { useApi } from '../auth/api-context.tsx';
import { saveFile } from '../ui/save-file.ts';

interface Format {
  label: string;
  fetch(http: Http, jobId: string): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  ext: string;
}

const exportAs =
  (format: 'sarif' | 'csv' | 'json'): Format['fetch'] =>
  (http, job_id) =>
    http.GET('/jobs/{job_id}/export', { params: { path: { job_id }, query: { format } }, parseAs: 'blob' });

const FORMATS: Format[] = [
  { label: 'SARIF', fetch: exportAs('sarif'), ext: 'sarif' },
  { label: 'CSV', fetch: exportAs('csv'), ext: 'csv' },
  { label: 'JSON', fetch: exportAs('json'), ext: 'json' },
  {
    label: 'PDF report',
    // Streamed through the API: a fetch carrying the key cannot follow a redirect to another origin.
    fetch: (http, job_id) =>
      http.GET('/jobs/{job_id}/report.pdf', {
        params: { path: { job_id }, query: { delivery: 'stream' } },
        parseAs: 'blob',
      }),
    ext: 'pdf',
  },
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
    try {
      const file = await fetchFile(f.fetch(api.http, jobId), `data-scanner-${jobId}.${f.ext}`);
      saveFile(file);
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
