import { type FormEvent, useId, useRef, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { useApi } from '../auth/api-context.tsx';
import { FormField } from '../ui/form-field.tsx';
import {
  errorsByField,
  type ScanField as Field,
  SCAN_FIELD_TEXT,
  SCAN_FIELDS,
  scanRequest,
} from './scan-fields.ts';

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
    const body = scanRequest(values);
    setBusy(true);
    try {
      const accepted = await ok(
        api.http.POST('/scan', { body, params: { header: { 'idempotency-key': idempotencyKey.current } } }),
      );
      idempotencyKey.current = crypto.randomUUID();
      onQueued(accepted.job_id);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField = errorsByField(err, SCAN_FIELDS);
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

  return (
    <form className="card new-scan" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New scan</h2>
      {SCAN_FIELDS.map((name) => (
        <FormField
          key={name}
          id={`${id}-${name}`}
          name={name}
          {...SCAN_FIELD_TEXT[name]}
          errors={fieldErrors[name]}
          value={values[name]}
          onChange={(v) => set(name, v)}
          multiline={name === 'exclude'}
        />
      ))}
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
