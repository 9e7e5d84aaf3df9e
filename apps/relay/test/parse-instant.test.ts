import { describe, expect, it } from 'vitest';
import { parseInstant } from '../src/cli/parse-instant.js';

describe('times given to relay audit figures', () => {
  it('reads dates and local times in the given zone, across daylight saving changes', () => {
    expect(parseInstant('2026-11-02', 'Europe/Paris')).toBe(Date.UTC(2026, 10, 1, 23));
    expect(parseInstant('2026-07-01', 'Europe/Paris')).toBe(Date.UTC(2026, 5, 30, 22));
    expect(parseInstant('2026-03-29T12:00', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 10));
    expect(parseInstant('2026-10-25 01:30', 'Europe/Paris')).toBe(Date.UTC(2026, 9, 24, 23, 30));
    expect(parseInstant('2026-11-02', 'America/New_York')).toBe(Date.UTC(2026, 10, 2, 5));
  });

  it('takes ISO times with an offset, and ms since the epoch, as they are', () => {
    expect(parseInstant('2026-11-02T09:30:00Z', 'Europe/Paris')).toBe(Date.UTC(2026, 10, 2, 9, 30));
    expect(parseInstant('2026-11-02T09:30:00+01:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 2, 8, 30));
    expect(parseInstant('1793610000000', 'Europe/Paris')).toBe(1_793_610_000_000);
  });

  it('refuses what is not a time, and an unknown zone, with a message', () => {
    expect(() => parseInstant('next tuesday', 'Europe/Paris')).toThrow(/not a date or time: next tuesday/);
    expect(() => parseInstant('2026-11-02', 'Mars/Olympus')).toThrow(/unknown time zone: Mars\/Olympus/);
  });
});
