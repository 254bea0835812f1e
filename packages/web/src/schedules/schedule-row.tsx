import { type FormEvent, Fragment, useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import type { components } from '../api/openapi.ts';
import type { Schedule } from '../api/types.ts';
import { useApi } from '../auth/api-context.tsx';
import { errorsByField, SCAN_FIELD_TEXT } from '../jobs/scan-fields.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { FormField } from '../ui/form-field.tsx';
import { formatAge, formatInZone, splitList } from '../ui/format.ts';

/** What the cron and time zone fields say, shared by the new and the edit forms. */
export const SCHEDULE_FIELD_TEXT = {
  cron: { label: 'Cron expression', hint: 'Five fields: minute hour day month weekday, e.g. 0 3 * * *' },
  timezone: { label: 'Time zone', hint: 'IANA name, e.g. Europe/Berlin' },
};

const EDIT_FIELDS = ['source', 'cron', 'timezone', 'name', 'detectors', 'exclude'] as const;
type EditField = (typeof EDIT_FIELDS)[number];

export interface ScheduleRowProps {
  schedule: Schedule;
  /** Called after the schedule changed or was deleted, to read the list again. */
  onChanged(): Promise<unknown>;
}

/** One schedule: when it runs next in its own time zone, and edit, pause/resume and delete. */
export function ScheduleRow({ schedule: s, onChanged }: ScheduleRowProps) {
  const api = useApi();
  const id = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [actionError, setActionError] = useState<unknown>(null);
  const label = s.name || s.source;

  async function run(action: () => Promise<unknown>) {
    setActionError(null);
    try {
      await action();
      setMode('view');
      await onChanged();
    } catch (err) {
      setActionError(err);
    }
  }
  const setPaused = (paused: boolean) =>
    run(() =>
      ok(
        api.http.PATCH('/schedules/{schedule_id}', {
          params: { path: { schedule_id: s.id } },
          body: { paused },
        }),
      ),
    );
  const remove = () =>
    run(() => ok(api.http.DELETE('/schedules/{schedule_id}', { params: { path: { schedule_id: s.id } } })));

  return (
    <Fragment>
      <tr>
        <td data-label="Schedule" className="break">
          {label}
          {s.name && <div className="muted small">{s.source}</div>}
        </td>
        <td data-label="Cron">
          <code>{s.cron}</code> <span className="muted small">{s.timezone}</span>
        </td>
        <td data-label="Next run">
          {s.paused ? (
            <span className="badge status-paused">paused</span>
          ) : s.next_run_at ? (
            <time dateTime={s.next_run_at}>{formatInZone(s.next_run_at, s.timezone)}</time>
          ) : (
            '–'
          )}
          {s.last_run_at && <div className="muted small">last {formatAge(s.last_run_at)}</div>}
        </td>
        <td>
          {mode === 'delete' ? (
            <span className="button-row">
              <button type="button" className="danger" onClick={remove}>
                Confirm delete
              </button>
              <button type="button" onClick={() => setMode('view')}>
                Keep
              </button>
            </span>
          ) : (
            <span className="button-row">
              <button
                type="button"
                aria-label={`Edit schedule ${label}`}
                aria-expanded={mode === 'edit'}
                aria-controls={`${id}-edit`}
                onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
              >
                Edit
              </button>
              <button
                type="button"
                aria-label={`${s.paused ? 'Resume' : 'Pause'} schedule ${label}`}
                onClick={() => setPaused(!s.paused)}
              >
                {s.paused ? 'Resume' : 'Pause'}
              </button>
              <button type="button" aria-label={`Delete schedule ${label}`} onClick={() => setMode('delete')}>
                Delete
              </button>
            </span>
          )}
          <ErrorMessage error={actionError} />
        </td>
      </tr>
      {mode === 'edit' && (
        <tr className="details-row">
          <td colSpan={4} id={`${id}-edit`}>
            <EditScheduleForm
              schedule={s}
              onSaved={async () => {
                setMode('view');
                await onChanged();
              }}
              onCancel={() => setMode('view')}
            />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function EditScheduleForm({
  schedule: s,
  onSaved,
  onCancel,
}: {
  schedule: Schedule;
  onSaved(): Promise<void>;
  onCancel(): void;
}) {
  const api = useApi();
  const id = useId();
  const [values, setValues] = useState<Record<EditField, string>>({
    source: s.source,
    cron: s.cron,
    timezone: s.timezone,
    name: s.name ?? '',
    detectors: (s.detectors ?? []).join(', '),
    exclude: s.exclude.join('\n'),
  });
  const [errors, setErrors] = useState<Partial<Record<EditField, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    setBusy(true);
    const detectors = splitList(values.detectors);
    const body: components['schemas']['ScheduleUpdate'] = {
      source: values.source.trim(),
      cron: values.cron.trim(),
      timezone: values.timezone.trim(),
      name: values.name.trim() || null,
      detectors: detectors.length ? detectors : null,
      exclude: splitList(values.exclude),
    };
    try {
      await ok(api.http.PATCH('/schedules/{schedule_id}', { params: { path: { schedule_id: s.id } }, body }));
      await onSaved();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(errorsByField(err, EDIT_FIELDS));
        setFormError(err.message);
      } else setFormError(String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="edit-schedule">
      <h3 id={`${id}-title`}>Edit schedule {s.name || s.source}</h3>
      {EDIT_FIELDS.map((name) => (
        <FormField
          key={name}
          id={`${id}-${name}`}
          name={name}
          {...(name === 'cron' || name === 'timezone' ? SCHEDULE_FIELD_TEXT[name] : SCAN_FIELD_TEXT[name])}
          errors={errors[name]}
          value={values[name]}
          onChange={(v) => setValues((old) => ({ ...old, [name]: v }))}
          multiline={name === 'exclude'}
        />
      ))}
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <span className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save schedule'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel edit
        </button>
      </span>
    </form>
  );
}
