import { type FormEvent, useId, useState } from 'react';
import { EXPOSURE_STATES, type ExposureState, STATE_LABELS } from '../api/types.ts';
import { ErrorMessage } from '../ui/error-message.tsx';

export interface TriageFormProps {
  /** The legend: what the change applies to. */
  legend: string;
  /** The submit button's text. */
  action: string;
  disabled?: boolean;
  /** Sends the change; a thrown error is shown, and the note is kept for a retry. */
  onSubmit(state: ExposureState, note: string | undefined): Promise<void>;
}

/** A state and an optional note, as a state change of one or many exposures needs. */
export function TriageForm({ legend, action, disabled = false, onSubmit }: TriageFormProps) {
  const id = useId();
  const [state, setState] = useState<ExposureState>('false_positive');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(state, note.trim() || undefined);
      setNote('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="triage">
      <fieldset disabled={disabled || busy}>
        <legend>{legend}</legend>
        <label htmlFor={`${id}-state`}>New state</label>
        <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as ExposureState)}>
          {EXPOSURE_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input
          id={`${id}-note`}
          type="text"
          value={note}
          maxLength={2000}
          placeholder="why, e.g. test fixture, rotated on 2026-12-01"
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit">{busy ? 'Saving…' : action}</button>
      </fieldset>
      <ErrorMessage error={error} />
    </form>
  );
}
