import { type Exposure, type ExposureState, STATE_LABELS } from '../api/types.ts';

/** What an exposure is in a few words: its masked value, or for bulk data the field and object. */
export function exposureLabel(e: Pick<Exposure, 'kind' | 'redacted' | 'field' | 'object'>): string {
  if (e.kind === 'value') return e.redacted ?? 'value';
  const where = e.object ? ` in ${e.object.key}` : '';
  return `${e.field ?? 'whole object'}${where}`;
}

/** An exposure state as a labelled badge (the text carries the meaning). */
export function StateBadge({ state }: { state: ExposureState }) {
  return <span className={`badge state-${state}`}>{STATE_LABELS[state]}</span>;
}
