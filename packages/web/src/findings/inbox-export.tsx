import { useState } from 'react';
import { download } from '../api/api-client.ts';
import { useApi } from '../auth/api-context.tsx';
import { saveFile } from '../ui/save-file.ts';
import type { InboxFilters } from './inbox-filters.ts';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'sarif', label: 'SARIF' },
] as const;

/** Downloads the exposures the inbox shows, with its filters and order (`GET /findings/export`). */
export function InboxExport({ filters }: { filters: InboxFilters }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function exportAs(format: (typeof FORMATS)[number]['format'], label: string) {
    setBusy(true);
    setMessage(null);
    try {
      const file = await download(
        api.http.GET('/findings/export', { params: { query: { ...filters, format } }, parseAs: 'blob' }),
        `data-scanner-findings.${format}`,
      );
      saveFile(file);
      setMessage(`${label} downloaded as ${file.filename}.`);
    } catch (err) {
      setMessage(`${label} export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="button-row inbox-export">
      <span className="small">Export this view:</span>
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" disabled={busy} onClick={() => exportAs(format, label)}>
          {label}
        </button>
      ))}
      <span role="status" className="muted small">
        {message}
      </span>
    </div>
  );
}
