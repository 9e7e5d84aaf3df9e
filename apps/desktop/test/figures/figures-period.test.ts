import { describe, expect, it } from 'vitest';
import {
  lastCompleteWeeks,
  monthToDate,
  periodOfRange,
  shiftDays,
  weeksOfRange,
} from '../../src/renderer/src/features/figures/figures-period';

const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;

describe('the default period: the last four complete ISO weeks', () => {
  it('ends on the Sunday before the current week and starts on a Monday four weeks earlier', () => {
    // Wednesday 4 March 2026, 10:00 in Paris.
    expect(lastCompleteWeeks(Date.UTC(2026, 2, 4, 9), PARIS)).toEqual({ first: '2026-02-02', last: '2026-03-01' });
    expect(weeksOfRange({ first: '2026-02-02', last: '2026-03-01' }, PARIS)).toEqual(['2026-W06', '2026-W07', '2026-W08', '2026-W09']);
  });

  it('follows the zone: Sunday 23:30 UTC is already Monday in Paris, so the week just ended counts there', () => {
    const sundayNightUtc = Date.UTC(2026, 2, 1, 23, 30);
    expect(lastCompleteWeeks(sundayNightUtc, PARIS)).toEqual({ first: '2026-02-02', last: '2026-03-01' });
    expect(lastCompleteWeeks(sundayNightUtc, 'UTC')).toEqual({ first: '2026-01-26', last: '2026-02-22' });
  });

  it('on a Monday, the week that just began is left out', () => {
    expect(lastCompleteWeeks(Date.UTC(2026, 2, 2, 6), PARIS).last).toBe('2026-03-01');
  });

  it('crosses a year: ISO weeks of the old year and of the new', () => {
    const range = lastCompleteWeeks(Date.UTC(2026, 0, 14, 12), PARIS);
    expect(range).toEqual({ first: '2025-12-15', last: '2026-01-11' });
    expect(weeksOfRange(range, PARIS)).toEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
  });
});

describe('the other periods', () => {
  it('this month runs from its first day to today, in the zone', () => {
    // 1 April 2026, 00:30 in Paris, still 31 March in UTC.
    expect(monthToDate(Date.UTC(2026, 2, 31, 22, 30), PARIS)).toEqual({ first: '2026-04-01', last: '2026-04-01' });
    expect(monthToDate(Date.UTC(2026, 2, 31, 22, 30), 'UTC')).toEqual({ first: '2026-03-01', last: '2026-03-31' });
  });

  it('a range is a period from its first day 00:00 to the 00:00 after its last, summer time included', () => {
    const week = periodOfRange({ first: '2026-03-23', last: '2026-03-29' }, PARIS);
    expect(week).toEqual({ from: Date.UTC(2026, 2, 22, 23), to: Date.UTC(2026, 2, 29, 22) });
    expect(week!.to - week!.from).toBe(167 * HOUR);
  });

  it('a reversed or unfinished range is no period', () => {
    expect(periodOfRange({ first: '2026-03-10', last: '2026-03-09' }, PARIS)).toBeNull();
    expect(periodOfRange({ first: '', last: '2026-03-09' }, PARIS)).toBeNull();
    expect(periodOfRange({ first: '2026-02-30', last: '2026-03-09' }, PARIS)).toBeNull();
    expect(periodOfRange({ first: '2026-03-09', last: '2026-03-09' }, PARIS)).not.toBeNull();
  });

  it('shifts days on the calendar across months and years', () => {
    expect(shiftDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDays('2025-12-29', 7)).toBe('2026-01-05');
  });
});
