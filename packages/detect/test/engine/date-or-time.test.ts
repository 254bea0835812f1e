import { describe, expect, it } from 'vitest';
import { DATE_OR_TIME, DATE_OR_TIME_AT } from '../../src/engine/engine.ts';

describe('DATE_OR_TIME_AT', () => {
  it('decides a run in place exactly as DATE_OR_TIME decides the run alone', () => {
    const runs = [
      '2026-11-15',
      '2026-11-15 ',
      '2026-11-15 12:34',
      '2026-11-15 12:34:56.789 ',
      '12:34',
      '12:34:56',
      '12:34:56.7891',
      '12:34:56.',
      '1762041234567',
      '1762041234567 ',
      '2762041234567',
      '2026-11-155',
      '2026-11-15  ',
      '2026-11-15 12',
      '415 555 0100',
      '(415) 555-0100',
      '10.0.0.1',
    ];
    const after = ['', 'x', ',5', 'T', '"', '\n'];
    let dates = 0;
    for (const run of runs) {
      for (const next of after) {
        const text = `a=${run}${next}`;
        DATE_OR_TIME_AT.lastIndex = 2;
        const inPlace = DATE_OR_TIME_AT.test(text);
        expect({ run, next, inPlace }).toEqual({ run, next, inPlace: DATE_OR_TIME.test(run) });
        if (inPlace) dates++;
      }
    }
    expect(dates).toBeGreaterThan(30);
  });
});
