import { TimeZone } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';

/** Working hours of a non-production environment; outside them its services scale down. */
export interface OfficeHours {
  /** Hour (0-23) the services scale back up on working days. */
  readonly startHour: number;
  /** Hour (0-23, after `startHour`) the services scale down. */
  readonly endHour: number;
  /** Working days as a cron day-of-week range. */
  readonly weekDays: 'MON-FRI' | 'MON-SAT' | 'SUN-THU';
  /** IANA time zone of the hours, e.g. `UTC` or `Europe/Berlin`. */
  readonly timeZone: string;
}

/** Task counts in and out of office hours. */
export interface OfficeHoursCapacity {
  readonly workingMin: number;
  readonly workingMax: number;
  /** Tasks outside office hours (nights and weekends); 0 stops the service. */
  readonly offHours: number;
}

/** The seed's cost advice for a dev environment: 07:00-20:00 UTC, Monday to Friday. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  startHour: 7,
  endHour: 20,
  weekDays: 'MON-FRI',
  timeZone: 'UTC',
};

/**
 * The two cron schedules of office hours: `start` on working days at `startHour`, `stop` on working
 * days at `endHour`. The last `stop` of the week holds until the first `start` of the next, which
 * covers weekends without a third action.
 */
export function officeHoursCron(hours: OfficeHours): {
  start: appscaling.CronOptions;
  stop: appscaling.CronOptions;
} {
  const problems: string[] = [];
  for (const [name, hour] of [
    ['startHour', hours.startHour],
    ['endHour', hours.endHour],
  ] as const) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      problems.push(`${name} ${hour} must be a whole hour 0..23`);
  }
  if (hours.endHour <= hours.startHour) {
    problems.push(`endHour ${hours.endHour} must come after startHour ${hours.startHour}`);
  }
  if (problems.length > 0) throw new Error(`OfficeHours: ${problems.join('; ')}`);
  return {
    start: { minute: '0', hour: String(hours.startHour), weekDay: hours.weekDays },
    stop: { minute: '0', hour: String(hours.endHour), weekDay: hours.weekDays },
  };
}

/**
 * Adds scheduled actions to a scalable target: working capacity at the start of office hours and
 * `offHours` tasks at their end. Target tracking keeps working between the two bounds.
 */
export function scaleToOfficeHours(
  target: { scaleOnSchedule(id: string, action: appscaling.ScalingSchedule): void },
  hours: OfficeHours,
  capacity: OfficeHoursCapacity,
): void {
  if (
    capacity.offHours < 0 ||
    capacity.offHours > capacity.workingMin ||
    capacity.workingMin > capacity.workingMax
  ) {
    throw new Error(
      `OfficeHours capacity must satisfy 0 <= offHours (${capacity.offHours}) <= workingMin (${capacity.workingMin}) <= workingMax (${capacity.workingMax})`,
    );
  }
  const cron = officeHoursCron(hours);
  const timeZone = TimeZone.of(hours.timeZone);
  target.scaleOnSchedule('OfficeHoursStart', {
    schedule: appscaling.Schedule.cron(cron.start),
    minCapacity: capacity.workingMin,
    maxCapacity: capacity.workingMax,
    timeZone,
  });
  target.scaleOnSchedule('OfficeHoursStop', {
    schedule: appscaling.Schedule.cron(cron.stop),
    minCapacity: capacity.offHours,
    maxCapacity: capacity.offHours,
    timeZone,
  });
}
