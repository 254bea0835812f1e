import { type FormEvent, useEffect, useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { type NotificationSettingsRequest, SEVERITIES, type Severity } from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { useApi } from '../auth/api-context.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';

const PATH = '/settings/notifications';
const ABSENT = `Notification settings are not available on this server: it answered 404 to GET ${PATH} (the notifier is not enabled).`;
const DEFAULTS: NotificationSettingsRequest = { when: 'findings', min_severity: 'high' };

/** Which channels fire, and when; degrades to a clear message when the server has no notifier. */
export function NotificationSettings() {
  const api = useApi();
  const id = useId();
  const { data, error, mutate } = useApiGet([PATH], (http) => ok(http.GET(PATH)));
  const [form, setForm] = useState<NotificationSettingsRequest>(DEFAULTS);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (data) setForm(data);
  }, [data]);
  const absent = error instanceof ApiError && error.status === 404;

  async function save(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    setSaveError(null);
    try {
      await ok(api.http.PUT(PATH, { body: form }));
      setStatus('Notification settings saved.');
      await mutate();
    } catch (err) {
      setSaveError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    }
  }

  const fieldError = (f: string) =>
    saveError?.forField(f).map((m) => (
      <p key={m} className="field-error">
        {m}
      </p>
    ));
  const text = (name: 'webhook_url' | 'email_to' | 'sms_to', label: string, type: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={form[name] ?? ''}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value || null }))}
      />
      {fieldError(name)}
    </div>
  );

  return (
    <form className="card" onSubmit={save} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Notifications</h2>
      <ErrorMessage error={error} notFound={ABSENT} />
      {!absent && (
        <>
          <fieldset>
            <legend>When</legend>
            <label className="inline">
              <input
                type="radio"
                name={`${id}-when`}
                checked={form.when === 'finished'}
                onChange={() => setForm((f) => ({ ...f, when: 'finished' }))}
              />
              Every finished job
            </label>
            <label className="inline">
              <input
                type="radio"
                name={`${id}-when`}
                checked={form.when === 'findings'}
                onChange={() => setForm((f) => ({ ...f, when: 'findings' }))}
              />
              Only when findings reach
            </label>
            <label className="inline">
              <span className="visually-hidden">Minimum severity</span>
              <select
                value={form.min_severity}
                disabled={form.when !== 'findings'}
                onChange={(e) => setForm((f) => ({ ...f, min_severity: e.target.value as Severity }))}
              >
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          {text('webhook_url', 'Webhook URL', 'url')}
          <label className="inline">
            <input
              type="checkbox"
              checked={!!form.webhook_slack}
              onChange={(e) => setForm((f) => ({ ...f, webhook_slack: e.target.checked }))}
            />
            Slack-compatible body
          </label>
          {text('email_to', 'Email to', 'email')}
          {text('sms_to', 'SMS to (E.164 phone number)', 'tel')}
          {saveError && (
            <p role="alert" className="error">
              {saveError.status === 404 ? ABSENT : saveError.message}
            </p>
          )}
          <p role="status" className="muted">
            {status}
          </p>
          <button type="submit">Save notifications</button>
        </>
      )}
    </form>
  );
}
