import { describe, expect, it } from 'vitest';
import { isTimeZone, nextFireAfter, scheduleProblems } from '../../src/schedules/cron-schedule.ts';

describe('schedule validation', () => {
  it('accepts five-field expressions and nicknames in IANA zones', () => {
    expect(scheduleProblems('0 2 * * *', 'Europe/Paris')).toEqual([]);
    expect(scheduleProblems('*/15 9-17 * * 1-5', 'UTC')).toEqual([]);
    expect(scheduleProblems('@daily', 'America/New_York')).toEqual([]);
  });

  it('names the cron field for a bad expression, a seconds field or an unknown nickname', () => {
    for (const cron of ['61 * * * *', 'every day', '* * * * * *', '@sometimes', '']) {
      const problems = scheduleProblems(cron, 'UTC');
      expect(
        problems.map((p) => p.field),
        cron,
      ).toEqual(['cron']);
      expect(problems[0]?.message.length).toBeGreaterThan(10);
    }
  });

  it('names the timezone field for an unknown zone', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(scheduleProblems('0 2 * * *', 'Mars/Olympus_Mons')).toEqual([
      { field: 'timezone', message: expect.stringContaining('Mars/Olympus_Mons') },
    ]);
  });

  it('reports both fields at once', () => {
    expect(scheduleProblems('nope', 'Nowhere/Land').map((p) => p.field)).toEqual(['timezone', 'cron']);
  });
});

describe('next tick', () => {
  it('reads the cron fields in the schedule time zone', () => {
    // 02:00 in Paris is 01:00 UTC in winter.
    expect(nextFireAfter('0 2 * * *', 'Europe/Paris', new Date('2026-01-10T12:00:00Z'))?.toISOString()).toBe(
      '2026-01-11T01:00:00.000Z',
    );
    // ... and 00:00 UTC in summer.
    expect(nextFireAfter('0 2 * * *', 'Europe/Paris', new Date('2026-07-10T12:00:00Z'))?.toISOString()).toBe(
      '2026-07-11T00:00:00.000Z',
    );
  });

  it('is strictly after the given instant', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(nextFireAfter('0 * * * *', 'UTC', at)?.toISOString()).toBe('2026-03-01T11:00:00.000Z');
  });
});
