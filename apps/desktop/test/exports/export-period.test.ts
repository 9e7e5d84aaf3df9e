import { exportFileName, type ExportMeta } from '@contact-desk/exports';
import { describe, expect, it } from 'vitest';
import { defaultExportDays, exportPeriod } from '../../src/renderer/src/features/exports/export-period';

/**
 * The Exports screen's picked days and the relay-time bounds the exports select with: the first
 * day's 00:00 in the zone (included) to the 00:00 after the last (excluded), in Europe/Paris
 * across its changes of time (29 March 2026, 02:00 → 03:00; 25 October 2026, 03:00 → 02:00).
 */
const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

function meta(period: { from: number; to: number }, timeZone = PARIS): ExportMeta {
  return { title: 'Retards', period, timeZone, generatedAt: period.to, lastSeq: 7, platforms: [], language: 'fr' };
}

describe('the period of the picked days', () => {
  it('runs from the first day’s midnight in the zone to the midnight after the last', () => {
    expect(exportPeriod({ first: '2026-11-01', last: '2026-11-30' }, PARIS)).toEqual({
      from: utc('2026-10-31T23:00:00Z'),
      to: utc('2026-11-30T23:00:00Z'),
    });
    expect(exportPeriod({ first: '2026-07-14', last: '2026-07-14' }, PARIS)).toEqual({
      from: utc('2026-07-13T22:00:00Z'),
      to: utc('2026-07-14T22:00:00Z'),
    });
  });

  it('gives the spring day its 23 hours and the autumn day its 25', () => {
    const spring = exportPeriod({ first: '2026-03-29', last: '2026-03-29' }, PARIS)!;
    expect(spring).toEqual({ from: utc('2026-03-28T23:00:00Z'), to: utc('2026-03-29T22:00:00Z') });
    expect(spring.to - spring.from).toBe(23 * HOUR);
    const autumn = exportPeriod({ first: '2026-10-25', last: '2026-10-25' }, PARIS)!;
    expect(autumn).toEqual({ from: utc('2026-10-24T22:00:00Z'), to: utc('2026-10-25T23:00:00Z') });
    expect(autumn.to - autumn.from).toBe(25 * HOUR);
  });

  it('spans a change of time with the offsets of its two ends', () => {
    const march = exportPeriod({ first: '2026-03-01', last: '2026-03-31' }, PARIS)!;
    expect(march).toEqual({ from: utc('2026-02-28T23:00:00Z'), to: utc('2026-03-31T22:00:00Z') });
    expect(march.to - march.from).toBe(31 * 24 * HOUR - HOUR);
    const october = exportPeriod({ first: '2026-10-01', last: '2026-10-31' }, PARIS)!;
    expect(october.to - october.from).toBe(31 * 24 * HOUR + HOUR);
  });

  it('keeps both 02:30 of the autumn night in the day, and the next midnight out', () => {
    const autumn = exportPeriod({ first: '2026-10-25', last: '2026-10-25' }, PARIS)!;
    const inside = (at: number) => autumn.from <= at && at < autumn.to;
    // 02:30 summer time, then 02:30 winter time an hour later.
    expect(inside(utc('2026-10-25T00:30:00Z'))).toBe(true);
    expect(inside(utc('2026-10-25T01:30:00Z'))).toBe(true);
    expect(inside(utc('2026-10-25T22:59:59.999Z'))).toBe(true);
    expect(inside(utc('2026-10-25T23:00:00Z'))).toBe(false);
    expect(inside(utc('2026-10-24T21:59:59.999Z'))).toBe(false);
  });

  it('is no period when the days are reversed, missing or malformed', () => {
    expect(exportPeriod({ first: '2026-11-30', last: '2026-11-01' }, PARIS)).toBeNull();
    expect(exportPeriod({ first: '', last: '2026-11-01' }, PARIS)).toBeNull();
    expect(exportPeriod({ first: '2026-11-01', last: '2026-11' }, PARIS)).toBeNull();
  });

  it('is named after the days picked, whatever the change of time', () => {
    for (const days of [
      { first: '2026-03-29', last: '2026-03-29' },
      { first: '2026-03-01', last: '2026-03-31' },
      { first: '2026-10-25', last: '2026-10-25' },
      { first: '2026-10-24', last: '2026-10-26' },
    ]) {
      const name = exportFileName('late-list', meta(exportPeriod(days, PARIS)!), 'csv');
      const named = days.first === days.last ? days.first : `${days.first}_${days.last}`;
      expect(name).toBe(`retards-${named}-seq7.csv`);
    }
  });
});

describe('the days first proposed', () => {
  it('end today in the exports’ zone, thirty days after they start', () => {
    expect(defaultExportDays(utc('2026-11-29T12:00:00Z'), PARIS)).toEqual({ first: '2026-10-30', last: '2026-11-29' });
  });

  it('follow the zone, not UTC: 00:30 in Paris on the spring day is still 28 March in UTC', () => {
    const now = utc('2026-03-28T23:30:00Z');
    expect(defaultExportDays(now, PARIS)).toEqual({ first: '2026-02-27', last: '2026-03-29' });
    expect(defaultExportDays(now, 'UTC')).toEqual({ first: '2026-02-26', last: '2026-03-28' });
  });

  it('make a period that holds the moment they were proposed at', () => {
    for (const now of [
      utc('2026-03-29T00:59:59Z'),
      utc('2026-03-29T01:00:00Z'),
      utc('2026-10-25T00:30:00Z'),
      utc('2026-10-25T22:59:00Z'),
    ]) {
      const period = exportPeriod(defaultExportDays(now, PARIS), PARIS)!;
      expect(period.from).toBeLessThanOrEqual(now);
      expect(period.to).toBeGreaterThan(now);
    }
  });
});
