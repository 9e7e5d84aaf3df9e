import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayAfter, dayOf, isoWeekOf, isTimeZone, lastDayOf, periodOfDays, startOfDayIn } from '../src/index.js';

const HOUR = 3_600_000;
const hours = (period: { from: number; to: number }) => (period.to - period.from) / HOUR;
const utc = (iso: string) => Date.parse(iso);

describe('a period runs from its first day 00:00 to the 00:00 after its last day, in its zone', () => {
  it('Europe/Paris, 29 March 2026: the clocks go forward, the day has 23 hours', () => {
    const day = periodOfDays('2026-03-29', '2026-03-29', 'Europe/Paris');
    expect(day.from).toBe(utc('2026-03-28T23:00:00Z'));
    expect(day.to).toBe(utc('2026-03-29T22:00:00Z'));
    expect(hours(day)).toBe(23);
  });

  it('Europe/Paris, 25 October 2026: the clocks go back, the day has 25 hours', () => {
    const day = periodOfDays('2026-10-25', '2026-10-25', 'Europe/Paris');
    expect(day.from).toBe(utc('2026-10-24T22:00:00Z'));
    expect(day.to).toBe(utc('2026-10-25T23:00:00Z'));
    expect(hours(day)).toBe(25);
  });

  it('a month across a change keeps every hour of its days, no more', () => {
    expect(hours(periodOfDays('2026-03-01', '2026-03-31', 'Europe/Paris'))).toBe(31 * 24 - 1);
    expect(hours(periodOfDays('2026-10-01', '2026-10-31', 'Europe/Paris'))).toBe(31 * 24 + 1);
    expect(hours(periodOfDays('2026-11-01', '2026-11-30', 'Europe/Paris'))).toBe(30 * 24);
  });

  it('a zone without daylight saving time: every day has 24 hours', () => {
    for (const zone of ['Asia/Tokyo', 'UTC', 'America/Bogota']) {
      for (const day of ['2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04']) {
        expect(hours(periodOfDays(day, day, zone))).toBe(24);
      }
    }
    expect(periodOfDays('2026-03-29', '2026-03-29', 'Asia/Tokyo').from).toBe(utc('2026-03-28T15:00:00Z'));
  });

  it('Australia/Sydney, southern hemisphere: 5 April 2026 has 25 hours, 4 October 2026 has 23', () => {
    const autumn = periodOfDays('2026-04-05', '2026-04-05', 'Australia/Sydney');
    expect(autumn.from).toBe(utc('2026-04-04T13:00:00Z'));
    expect(hours(autumn)).toBe(25);
    const spring = periodOfDays('2026-10-04', '2026-10-04', 'Australia/Sydney');
    expect(spring.from).toBe(utc('2026-10-03T14:00:00Z'));
    expect(hours(spring)).toBe(23);
  });

  it('refuses days that do not exist and periods that end before they start', () => {
    expect(() => periodOfDays('2026-02-30', '2026-03-01', 'Europe/Paris')).toThrow(RangeError);
    expect(() => periodOfDays('2026-2-3', '2026-03-01', 'Europe/Paris')).toThrow(RangeError);
    expect(() => periodOfDays('2026-03-02', '2026-03-01', 'Europe/Paris')).toThrow(RangeError);
    expect(periodOfDays('2028-02-29', '2028-02-29', 'UTC').from).toBe(utc('2028-02-29T00:00:00Z'));
  });
});

describe('days and weeks are read in the stated zone', () => {
  it('the calendar day of an instant depends on the zone, not on the machine', () => {
    const instant = utc('2026-11-29T23:30:00Z');
    expect(dayOf(instant, 'UTC')).toBe('2026-11-29');
    expect(dayOf(instant, 'Europe/Paris')).toBe('2026-11-30');
    expect(dayOf(instant, 'America/New_York')).toBe('2026-11-29');
    expect(lastDayOf(periodOfDays('2026-10-01', '2026-10-31', 'Europe/Paris'), 'Europe/Paris')).toBe('2026-10-31');
  });

  it('ISO weeks in the zone: Sunday 23:30 UTC is already Monday of the next week in Paris', () => {
    const instant = utc('2026-11-29T23:30:00Z');
    expect(isoWeekOf(instant, 'UTC')).toBe('2026-W48');
    expect(isoWeekOf(instant, 'Europe/Paris')).toBe('2026-W49');
  });

  it('ISO week years: 1 January 2027 belongs to 2026-W53, 28 December 2026 to 2026-W53', () => {
    expect(isoWeekOf(utc('2027-01-01T12:00:00Z'), 'Europe/Paris')).toBe('2026-W53');
    expect(isoWeekOf(utc('2026-12-28T00:30:00Z'), 'Europe/Paris')).toBe('2026-W53');
    expect(isoWeekOf(utc('2027-01-04T00:30:00Z'), 'Europe/Paris')).toBe('2027-W01');
  });

  it('the day after crosses months, years and leap days', () => {
    expect(dayAfter('2026-10-31')).toBe('2026-11-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-02-28')).toBe('2026-03-01');
  });

  it('knows IANA zones and refuses the rest', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Europe/Pariss')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

const ZONES = ['Europe/Paris', 'UTC', 'Asia/Tokyo', 'Australia/Sydney', 'America/New_York', 'America/Sao_Paulo'];
const calendarDay = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('any day in any zone', () => {
  it('starts at an instant of that day, ends where the next one starts, and lasts 23, 24 or 25 hours', () => {
    fc.assert(
      fc.property(calendarDay, fc.constantFrom(...ZONES), (day, zone) => {
        const period = periodOfDays(day, day, zone);
        expect(dayOf(period.from, zone)).toBe(day);
        expect(dayOf(period.from - 1, zone)).not.toBe(day);
        expect(dayOf(period.to - 1, zone)).toBe(day);
        expect(dayOf(period.to, zone)).toBe(dayAfter(day));
        expect(period.to).toBe(startOfDayIn(dayAfter(day), zone));
        expect([23, 24, 25]).toContain(hours(period));
      }),
      { numRuns: 300 },
    );
  });
});
