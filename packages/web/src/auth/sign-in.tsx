import { type FormEvent, useId, useState } from 'react';
import { ApiClient, ok } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { usePageTitle } from '../ui/use-page-title.ts';
import { useApiSession } from './api-context.tsx';

/** Asks for an API key, checks it against `GET /jobs`, and keeps it for this tab only. */
export function SignIn() {
  const { baseUrl, notice, signIn } = useApiSession();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyId = useId();
  const errId = useId();
  usePageTitle('Sign in');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError('Enter an API key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await ok(
        new ApiClient({ baseUrl, apiKey: trimmed }).http.GET('/jobs', { params: { query: { limit: 1 } } }),
      );
      signIn(trimmed);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setError(
          'This API key was not accepted (401). Check it, or create one with `data-scanner keys create`.',
        );
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const shown = error ?? notice;
  return (
    <main className="sign-in">
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Data Scanner</h1>
        <label htmlFor={keyId}>API key</label>
        <input
          id={keyId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? errId : undefined}
        />
        <p className="hint">Kept in this tab's session storage only; closing the tab signs you out.</p>
        {shown && (
          <p id={errId} role="alert" className="error">
            {shown}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
