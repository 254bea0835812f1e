import { useId } from 'react';

export interface StatusFilterProps<S extends string> {
  /** The statuses to offer, in order (the contract's enum values). */
  statuses: readonly S[];
  /** `''`: every status. */
  value: S | '';
  onChange(value: S | ''): void;
}

/** A "Status" select with an "All" choice, for filtering a list by status. */
export function StatusFilter<S extends string>({ statuses, value, onChange }: StatusFilterProps<S>) {
  const id = useId();
  return (
    <label htmlFor={id}>
      Status{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as S | '')}>
        <option value="">All</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}
