import { Cron } from 'croner';

/** One problem with a schedule's cron or time zone, named by the request field it concerns. */
export interface ScheduleProblem {
  field: 'cron' | 'timezone';
  message: string;
}

const NICKNAMES = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** True when `timezone` is an IANA zone name this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(timezone: string): boolean {
  if (timezone === '' || timezone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a five-field cron expression (minute hour day-of-month month day-of-week, or a nickname such
 * as `@daily`) and an IANA time zone. Second-level patterns are refused: a scan a second is never meant.
 */
export function scheduleProblems(cron: string, timezone: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!isTimeZone(timezone)) {
    problems.push({
      field: 'timezone',
      message: `"${timezone}" is not an IANA time zone (for example UTC or Europe/Paris)`,
    });
  }
  const pattern = cron.trim();
  if (pattern.startsWith('@') && !NICKNAMES.has(pattern.toLowerCase())) {
    problems.push({
      field: 'cron',
      message: `unknown nickname "${pattern}"; use one of ${[...NICKNAMES].join(', ')}`,
    });
    return problems;
  }
  try {
    const job = new Cron(pattern, { mode: '5-part', paused: true });
    if (!job.nextRun()) problems.push({ field: 'cron', message: 'the expression never fires' });
  } catch (err) {
    const message = (err as Error).message.replace(/^CronPattern:\s*/, '');
    problems.push({ field: 'cron', message: `not a 5-field cron expression: ${message}` });
  }
  return problems;
}

/** The first tick of `cron` in `timezone` strictly after `after`; null when it never fires again. */
export function nextFireAfter(cron: string, timezone: string, after: Date): Date | null {
  const job = new Cron(cron.trim(), { mode: '5-part', timezone, paused: true });
  return job.nextRun(after);
}
