import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, formatIsoOffset, offsetMinutes, wallTime, wallTimeUncached } from '../src/format.js';

const MINUTE = 60_000;

describe('wall times with offsets cached per quarter of an hour', () => {
  it('agree with Intl at every minute around the changes of offset of several zones', () => {
    // Paris and New York (DST), Lord Howe (a 30-minute DST change), Kolkata (+05:30, none),
    // Chatham (+12:45), Casablanca (Ramadan changes), and Paris in 1911 (a change of seconds).
    const cases: [string, number][] = [
      ['Europe/Paris', Date.UTC(2026, 2, 29, 1)],
      ['Europe/Paris', Date.UTC(2026, 9, 25, 1)],
      ['America/New_York', Date.UTC(2026, 2, 8, 7)],
      ['America/New_York', Date.UTC(2026, 10, 1, 6)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)],
      ['Asia/Kolkata', Date.UTC(2026, 5, 1)],
      ['Pacific/Chatham', Date.UTC(2026, 3, 4, 14)],
      ['Africa/Casablanca', Date.UTC(2026, 1, 15, 2)],
      ['Europe/Paris', Date.UTC(1911, 2, 10, 23, 50)],
    ];
    for (const [zone, change] of cases) {
      for (let ms = change - 3 * 60 * MINUTE; ms <= change + 3 * 60 * MINUTE; ms += MINUTE + 1_234) {
        expect(wallTime(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toEqual(wallTimeUncached(ms, zone));
      }
    }
  });

  it('write the times of the exports', () => {
    const beforeChange = Date.UTC(2026, 9, 25, 0, 59);
    const afterChange = Date.UTC(2026, 9, 25, 1, 0);
    expect(formatDayMonthYear(beforeChange, 'Europe/Paris')).toBe('25/10/2026 02:59');
    expect(formatDayMonthYear(afterChange, 'Europe/Paris')).toBe('25/10/2026 02:00');
    expect(formatIsoOffset(afterChange, 'Europe/Paris')).toBe('2026-10-25T02:00:00+01:00');
    expect(offsetMinutes(beforeChange, 'Asia/Kolkata')).toBe(330);
  });

  it('reject an unknown zone as Intl does', () => {
    expect(() => wallTime(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
