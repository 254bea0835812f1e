import type { ScalableTargetInfo } from '../readers/scaling.ts';

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function daySet(field: string): Set<number> | undefined {
  if (field === '*' || field === '?') return new Set([0, 1, 2, 3, 4, 5, 6]);
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [a, b] = part.split('-').map((d) => DAYS.indexOf(d.toUpperCase()));
    if (a === undefined || a < 0 || (b !== undefined && b < 0)) return undefined;
    for (let d = a; d <= (b ?? a); d++) out.add(d);
  }
  return out;
}

function parseCron(expr: string): { minute: number; days: Set<number> } | undefined {
  const m = /^cron\((\d+) (\d+) \S+ \S+ (\S+)(?: \S+)?\)$/.exec(expr.trim());
  if (!m) return undefined;
  const days = daySet(m[3] ?? '');
  return days ? { minute: Number(m[2]) * 60 + Number(m[1]), days } : undefined;
}

/**
 * Fraction of the week a service runs, from an office-hours pair of scheduled actions: one that
 * raises the minimum above 0 and one that sets the maximum to 0, on the same days. Undefined when
 * the schedule has another shape (then the service is priced as always on).
 */
export function scheduledFraction(target: Pick<ScalableTargetInfo, 'scheduled'>): number | undefined {
  const start = target.scheduled.find((a) => (a.min ?? 0) > 0);
  const stop = target.scheduled.find((a) => a.max === 0);
  if (!start || !stop) return undefined;
  const on = parseCron(start.schedule);
  const off = parseCron(stop.schedule);
  if (!on || !off || [...on.days].join() !== [...off.days].join()) return undefined;
  const daily = (off.minute - on.minute + 1440) % 1440;
  return (daily * on.days.size) / (1440 * 7);
}
