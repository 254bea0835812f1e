import { type FormEvent, useId, useRef, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { useApi } from '../auth/api-context.tsx';
import { splitList } from '../ui/format.ts';

const FIELDS = ['source', 'name', 'detectors', 'exclude'] as const;
type Field = (typeof FIELDS)[number];

/** Submits `POST /scan` and shows the API's validation errors beside the fields they concern. */
export function NewScanForm({ onQueued }: { onQueued(jobId: string): void }) {
  const api = useApi();
  const [values, setValues] = useState<Record<Field, string>>({
    source: '',
    name: '',
    detectors: '',
    exclude: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const id = useId();

  function set(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    idempotencyKey.current = crypto.randomUUID();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!values.source.trim()) {
      setFieldErrors({ source: ['Enter a source: s3://bucket/prefix or file:///absolute/path.'] });
      return;
    }
    setFieldErrors({});
    const detectors = splitList(values.detectors);
    const exclude = splitList(values.exclude);
    const body = {
      source: values.source.trim(),
      ...(values.name.trim() ? { name: values.name.trim() } : {}),
      ...(detectors.length ? { detectors } : {}),
      ...(exclude.length ? { exclude } : {}),
    };
    setBusy(true);
    try {
      const accepted = await ok(
        api.http.POST('/scan', { body, params: { header: { 'idempotency-key': idempotencyKey.current } } }),
      );
      idempotencyKey.current = crypto.randomUUID();
      onQueued(accepted.job_id);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Partial<Record<Field, string[]>> = {};
        for (const f of FIELDS) {
          const msgs = err.forField(f);
          if (msgs.length) byField[f] = msgs;
        }
        setFieldErrors(byField);
        const placed = Object.keys(byField).length > 0;
        setFormError(placed ? `${err.message} See the highlighted fields.` : err.message);
      } else {
        setFormError(String(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, label: string, hint: string, multiline = false) => {
    const inputId = `${id}-${name}`;
    const errs = fieldErrors[name];
    const describedBy = `${inputId}-hint${errs ? ` ${inputId}-err` : ''}`;
    const common = {
      id: inputId,
      name,
      value: values[name],
      'aria-invalid': errs ? true : undefined,
      'aria-describedby': describedBy,
    } as const;
    return (
      <div className={`field${errs ? ' invalid' : ''}`}>
        <label htmlFor={inputId}>{label}</label>
        {multiline ? (
          <textarea {...common} rows={3} onChange={(e) => set(name, e.target.value)} />
        ) : (
          <input {...common} type="text" spellCheck={false} onChange={(e) => set(name, e.target.value)} />
        )}
        <p id={`${inputId}-hint`} className="hint">
          {hint}
        </p>
        {errs && (
          <ul id={`${inputId}-err`} className="field-error">
            {errs.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  return (
    <form className="card new-scan" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New scan</h2>
      {field(
        'source',
        'Source',
        's3://bucket/prefix or file:///absolute/path (local roots must be allowed by the server).',
      )}
      {field('name', 'Name (optional)', 'A label for the jobs list.')}
      {field('detectors', 'Detectors (optional)', 'Detector ids separated by commas; empty runs them all.')}
      {field('exclude', 'Exclude (optional)', 'Glob patterns, one per line, e.g. **/*.log', true)}
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Submitting…' : 'Start scan'}
      </button>
    </form>
  );
}
