import { SEVERITIES } from '../api/types.ts';

/** The options of a severity filter: "All severities" (empty value), then each severity. */
export function SeverityOptions() {
  return (
    <>
      <option value="">All severities</option>
      {SEVERITIES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </>
  );
}
