import { describe, expect, it } from 'vitest';
import { isDateFormat, serialDate } from '../../src/formats/office/number-formats.ts';

describe('spreadsheet dates', () => {
  it.each([
    ['yyyy\\-mm\\-dd', true],
    ['d/m/yy', true],
    ['[$-409]mmmm d, yyyy;@', true],
    ['dd"."mm"."yyyy', true],
    ['h:mm:ss', false],
    ['0.00', false],
    ['"Day "0', false],
    ['General', false],
    ['#,##0 [$EUR]', false],
  ])('%s is a date format: %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });

  it('turns day counts into ISO dates in both date systems', () => {
    expect(serialDate('30882')).toBe('1984-07-19');
    expect(serialDate('45000.5')).toBe('2023-03-15T12:00:00');
    expect(serialDate('29420', true)).toBe('1984-07-19');
    expect(serialDate('-3')).toBeUndefined();
    expect(serialDate('abc')).toBeUndefined();
  });
});
