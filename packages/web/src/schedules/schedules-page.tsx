import { type FormEvent, useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { useApi } from '../auth/api-context.tsx';
import { errorsByField, SCAN_FIELD_TEXT, SCAN_FIELDS, scanRequest } from '../jobs/scan-fields.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { FormField } from '../ui/form-field.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { NotificationSettings } from './notification-settings.tsx';
import { SCHEDULE_FIELD_TEXT, ScheduleRow } from './schedule-row.tsx';

export const SCHEDULES_ABSENT =
  'Schedules are not available on this server: it answered 404 to GET /schedules (the scheduler is not enabled).';

/** Recurring scans (list, create, edit, pause, delete) and the tenant's notification settings. */
export function SchedulesPage() {
  const { data, error, mutate } = useApiGet(['/schedules'], (http) =>
    ok(http.GET('/schedules', { params: { query: {} } })),
  );
  const absent = error instanceof ApiError && error.status === 404;
  usePageTitle('Schedules');

  return (
    <div className="jobs-layout">
      <section className="card" aria-labelledby="schedules-title">
        <h1 id="schedules-title">Schedules</h1>
        <ErrorMessage error={error} notFound={SCHEDULES_ABSENT} />
        {data && data.items.length === 0 && <p className="muted">No schedules yet.</p>}
        {data && data.items.length > 0 && (
          <table className="table schedules-table">
            <thead>
              <tr>
                <th scope="col">Schedule</th>
                <th scope="col">Cron</th>
                <th scope="col">Next run</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <ScheduleRow key={s.id} schedule={s} onChanged={() => mutate()} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="stack">
        {!absent && <NewScheduleForm onCreated={() => mutate()} />}
        <NotificationSettings />
      </div>
    </div>
  );
}

const FIELDS = [...SCAN_FIELDS, 'cron', 'timezone'] as const;
type Field = (typeof FIELDS)[number];

function NewScheduleForm({ onCreated }: { onCreated(): void }) {
  const api = useApi();
  const id = useId();
  const defaultTz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const empty = { name: '', source: '', cron: '0 3 * * *', timezone: defaultTz, detectors: '', exclude: '' };
  const [values, setValues] = useState<Record<Field, string>>(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      await ok(
        api.http.POST('/schedules', {
          body: { ...scanRequest(values), cron: values.cron.trim(), timezone: values.timezone.trim() },
        }),
      );
      setValues(empty);
      onCreated();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(errorsByField(err, FIELDS));
        setFormError(err.status === 404 ? SCHEDULES_ABSENT : err.message);
      } else setFormError(String(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field) => (
    <FormField
      id={`${id}-${name}`}
      name={name}
      {...(name === 'cron' || name === 'timezone' ? SCHEDULE_FIELD_TEXT[name] : SCAN_FIELD_TEXT[name])}
      errors={errors[name]}
      value={values[name]}
      onChange={(v) => setValues((old) => ({ ...old, [name]: v }))}
      multiline={name === 'exclude'}
    />
  );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New schedule</h2>
      {field('source')}
      {field('cron')}
      {field('timezone')}
      {field('name')}
      {field('detectors')}
      {field('exclude')}
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Create schedule'}
      </button>
    </form>
  );
}
