import { formatBytes, formatCount } from './format.ts';

export interface ProgressBarProps {
  label: string;
  done: number;
  total: number | undefined;
  unit: 'objects' | 'bytes';
  /**
   * The work is still going on. With an unknown total the bar is then indeterminate (a moving
   * stripe, no value); once it has stopped, only the amount done is said.
   * @default true
   */
  running?: boolean;
}

/** An accessible progress bar; indeterminate while the total is unknown, never shown full for it. */
export function ProgressBar({ label, done, total, unit, running = true }: ProgressBarProps) {
  const fmt = unit === 'bytes' ? formatBytes : formatCount;
  const known = total !== undefined && total > 0;
  const pct = known ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  const noun = unit === 'objects' ? ' objects' : '';
  const text = known
    ? `${fmt(done)} of ${fmt(total)}${noun}`
    : `${fmt(done)}${noun}${running ? ' so far, total not known yet' : ''}`;
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
        className={`progress-track${known ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={text}
        aria-busy={!known && running ? true : undefined}
      >
        {known ? (
          <div className="progress-fill" style={{ width: `${pct}%` }} />
        ) : (
          running && <div className="progress-fill indeterminate" />
        )}
      </div>
    </div>
  );
}
