import { formatBytes, formatCount } from './format.ts';

export interface ProgressBarProps {
  label: string;
  done: number;
  total: number | undefined;
  unit: 'objects' | 'bytes';
}

/** An accessible progress bar; indeterminate until the total is known. */
export function ProgressBar({ label, done, total, unit }: ProgressBarProps) {
  const fmt = unit === 'bytes' ? formatBytes : formatCount;
  const known = total !== undefined && total > 0;
  const pct = known ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  const text = known
    ? `${fmt(done)} of ${fmt(total)} ${unit === 'objects' ? 'objects' : ''}`.trim()
    : `${fmt(done)}`;
  return (
    <div className="progress">
      <div className="progress-head">
        <span>{label}</span>
        <span>
          {text}
          {pct !== undefined && ` (${pct}%)`}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={text}
      >
        <div
          className={`progress-fill${known ? '' : ' indeterminate'}`}
          style={{ width: `${pct ?? 100}%` }}
        />
      </div>
    </div>
  );
}
