import { formatCount } from './format.ts';

export interface BarChartProps {
  title: string;
  counts: Record<string, number>;
  /** Fixed order of keys (e.g. severities); other keys follow by count. */
  order?: readonly string[];
  /** CSS class per key, for severity colours. */
  classFor?: (key: string) => string;
  /** A link per key (to the list filtered by it); plain labels when absent. */
  hrefFor?: (key: string) => string;
}

/** A horizontal bar chart in plain HTML/CSS, readable as a list by screen readers. */
export function BarChart({ title, counts, order, classFor, hrefFor }: BarChartProps) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  entries.sort(([a, x], [b, y]) => {
    const ia = order?.indexOf(a) ?? -1;
    const ib = order?.indexOf(b) ?? -1;
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    return y - x || a.localeCompare(b);
  });
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {entries.length === 0 ? (
        <p className="muted">No findings.</p>
      ) : (
        <ul aria-label={title}>
          {entries.map(([key, n]) => (
            <li key={key}>
              <span className="chart-label">{hrefFor ? <a href={hrefFor(key)}>{key}</a> : key}</span>
              <span className="chart-track" aria-hidden="true">
                <span
                  className={`chart-bar ${classFor?.(key) ?? ''}`}
                  style={{ width: `${(n / max) * 100}%` }}
                />
              </span>
              <span className="chart-value">{formatCount(n)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
