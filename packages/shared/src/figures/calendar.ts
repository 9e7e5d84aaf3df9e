import { tz, TZDate } from '@date-fns/tz';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { z } from 'zod';

/**
 * The calendar of every document: days, periods and weeks in a stated IANA time zone, never in
 * the zone of the machine that computes them, and never as "midnight + 24 h" (a day is 23 or 25
 * hours long when the clocks change). Built on `@date-fns/tz` (decision 0011).
 */

/** A day of the calendar, `YYYY-MM-DD`. */
export type CalendarDay = string;

/** A span of time: `from` inclusive, `to` exclusive, both in ms since the epoch. */
export interface Period {
  readonly from: number;
  readonly to: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: CalendarDay): [number, number, number] {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`no such day: ${day}`);
  }
  return [year, month, date];
}

export const calendarDaySchema = z.string().refine(
  (day) => {
    try {
      parts(day);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a calendar day, YYYY-MM-DD' },
);

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, { message: 'must be an IANA time zone' });

/** The instant a day begins in a zone (its first instant, whatever the clocks do that day). */
export function startOfDayIn(day: CalendarDay, zone: string): number {
  const [year, month, date] = parts(day);
  return new TZDate(year, month - 1, date, zone).getTime();
}

/** The day after, on the calendar. */
export function dayAfter(day: CalendarDay): CalendarDay {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/**
 * The period of a document from its first to its last day, both included: from the first day's
 * 00:00 to the 00:00 of the day after the last, in the zone.
 */
export function periodOfDays(first: CalendarDay, last: CalendarDay, zone: string): Period {
  const from = startOfDayIn(first, zone);
  const to = startOfDayIn(dayAfter(last), zone);
  if (to <= from) throw new RangeError(`the period ends (${last}) before it starts (${first})`);
  return { from, to };
}

/** The calendar day of an instant in a zone. */
export function dayOf(ms: number, zone: string): CalendarDay {
  const date = new TZDate(ms, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last day of a period (its `to` is the next day's first instant). */
export function lastDayOf(period: Period, zone: string): CalendarDay {
  return dayOf(period.to - 1, zone);
}

/** The ISO 8601 week of an instant in a zone, e.g. `2026-W09`. */
export function isoWeekOf(ms: number, zone: string): string {
  const context = { in: tz(zone) };
  const week = getISOWeek(ms, context);
  return `${getISOWeekYear(ms, context)}-W${String(week).padStart(2, '0')}`;
}
