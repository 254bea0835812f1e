import { type FormEvent, useEffect, useId, useState } from 'react';
import { ok } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import {
  type ChannelName,
  type NotificationSettingsRequest,
  SEVERITIES,
  type Severity,
} from '../api/types.ts';
import { useApiGet } from '../api/use-api-get.ts';
import { useApi } from '../auth/api-context.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { DeliveryFailures } from './delivery-failures.tsx';

const PATH = '/settings/notifications';
const ABSENT = `Notification settings are not available on this server: it answered 404 to GET ${PATH} (the notifier is not enabled).`;
const DEFAULTS: NotificationSettingsRequest = { when: 'findings', min_severity: 'high' };
const CHANNELS: {
  channel: ChannelName;
  field: 'webhook_url' | 'email_to' | 'sms_to';
  label: string;
  type: string;
}[] = [
  { channel: 'webhook', field: 'webhook_url', label: 'Webhook URL', type: 'url' },
  { channel: 'email', field: 'email_to', label: 'Email to', type: 'email' },
  { channel: 'sms', field: 'sms_to', label: 'SMS to (E.164 phone number)', type: 'tel' },
];

/** The channels `settings` sets that the server cannot send on. */
function undeliverable(
  settings: NotificationSettingsRequest,
  available: readonly ChannelName[],
): ChannelName[] {
  return CHANNELS.filter((c) => settings[c.field] && !available.includes(c.channel)).map((c) => c.channel);
}

/**
 * Which channels fire, and when; which of them this server can send on; a test message and the
 * recent failures. Degrades to a clear message when the server has no notifier.
 */
export function NotificationSettings() {
  const api = useApi();
  const id = useId();
  const { data, error, mutate } = useApiGet([PATH], (http) => ok(http.GET(PATH)));
  const [form, setForm] = useState<NotificationSettingsRequest>(DEFAULTS);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [testError, setTestError] = useState<unknown>(null);
  const [tests, setTests] = useState(0);
  const available = data?.channels_available ?? [];
  useEffect(() => {
    if (data) setForm(data);
  }, [data]);
  const absent = error instanceof ApiError && error.status === 404;

  async function save(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    setSaveError(null);
    try {
      const saved = await ok(api.http.PUT(PATH, { body: form }));
      const lacking = undeliverable(saved, saved.channels_available);
      setStatus(
        lacking.length
          ? `Notification settings saved, but this server cannot send ${lacking.join(' or ')}: nothing will reach ${lacking.length > 1 ? 'them' : 'it'} until the server is configured for ${lacking.length > 1 ? 'them' : 'it'}.`
          : 'Notification settings saved.',
      );
      await mutate();
    } catch (err) {
      setSaveError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    }
  }

  async function sendTest() {
    setStatus(null);
    setTestError(null);
    try {
      const sent = await ok(api.http.POST(`${PATH}/test`));
      const deliverable = sent.channels.filter((c) => !sent.unavailable.includes(c));
      setStatus(
        [
          deliverable.length ? `Test queued for ${deliverable.join(', ')}: it arrives within a minute.` : '',
          sent.unavailable.length ? `This server cannot send ${sent.unavailable.join(' or ')}.` : '',
          'Failures are listed below.',
        ]
          .filter(Boolean)
          .join(' '),
      );
      setTests((n) => n + 1);
    } catch (err) {
      setTestError(err);
    }
  }

  const fieldError = (f: string) =>
    saveError?.forField(f).map((m) => (
      <p key={m} className="field-error">
        {m}
      </p>
    ));
  const channelField = ({ channel, field, label, type }: (typeof CHANNELS)[number]) => {
    const can = available.includes(channel);
    return (
      <div className="field" key={field}>
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          type={type}
          value={form[field] ?? ''}
          aria-describedby={`${id}-${field}-hint`}
          onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value || null }))}
        />
        <p id={`${id}-${field}-hint`} className={can ? 'hint' : 'hint warning'}>
          {can
            ? `This server can send ${channel === 'sms' ? 'SMS' : channel} messages.`
            : `This server cannot send ${channel === 'sms' ? 'SMS' : channel}: it is not configured for it.`}
        </p>
        {fieldError(field)}
      </div>
    );
  };

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
          <p className="small">
            Channels this server can send on:{' '}
            <strong>{available.length ? available.join(', ') : 'none'}</strong>.
          </p>
          {CHANNELS[0] && channelField(CHANNELS[0])}
          <label className="inline">
            <input
              type="checkbox"
              checked={!!form.webhook_slack}
              onChange={(e) => setForm((f) => ({ ...f, webhook_slack: e.target.checked }))}
            />
            Slack-compatible body
          </label>
          {CHANNELS.slice(1).map(channelField)}
          {saveError && (
            <p role="alert" className="error">
              {saveError.status === 404 ? ABSENT : saveError.message}
            </p>
          )}
          <p role="status" className="muted">
            {status}
          </p>
          <span className="button-row">
            <button type="submit">Save notifications</button>
            <button type="button" onClick={sendTest}>
              Send test notification
            </button>
          </span>
          <ErrorMessage error={testError} />
          <DeliveryFailures version={tests} />
        </>
      )}
    </form>
  );
}
