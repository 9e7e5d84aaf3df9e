import { dayAfter, dayOf, isoWeekOf, periodOfDays, startOfDayIn, type CalendarDay, type Period } from '@contact-desk/shared';

/** The days a figures period covers, first and last included, in the app's zone. */
export interface DayRange {
  readonly first: CalendarDay;
  readonly last: CalendarDay;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function utcOf(day: CalendarDay): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}

/** The day `count` days after (before, when negative) on the calendar. */
export function shiftDays(day: CalendarDay, count: number): CalendarDay {
  const date = utcOf(day);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** ISO day of the week: Monday 1 … Sunday 7. */
function isoWeekday(day: CalendarDay): number {
  return utcOf(day).getUTCDay() || 7;
}

/**
 * The default period: the last `weeks` complete ISO weeks, Monday to Sunday, before the week of
 * `now` in the zone. Chosen over the current month because every week of it is whole: the weekly
 * trend compares weeks of the same length, and none of its requests is still inside the week in
 * progress, whose acknowledgements and answers are mostly not due yet (its medians would only
 * count the fast ones and its lateness would grow by the hour). A month to date is a few days
 * long at the start of a month, and cuts its first and last ISO weeks in two.
 */
export function lastCompleteWeeks(now: number, zone: string, weeks = 4): DayRange {
  const today = dayOf(now, zone);
  const monday = shiftDays(today, 1 - isoWeekday(today));
  return { first: shiftDays(monday, -7 * weeks), last: shiftDays(monday, -1) };
}

/** From the first of the month of `now` (in the zone) to its day. */
export function monthToDate(now: number, zone: string): DayRange {
  const today = dayOf(now, zone);
  return { first: `${today.slice(0, 8)}01`, last: today };
}

/** The period of a day range in the zone; null when the days are not a period (missing, reversed). */
export function periodOfRange(range: DayRange, zone: string): Period | null {
  if (!DAY_PATTERN.test(range.first) || !DAY_PATTERN.test(range.last) || range.last < range.first) return null;
  try {
    return periodOfDays(range.first, range.last, zone);
  } catch {
    return null;
  }
}

/** Longest span the weeks of a period are listed for (ten years of days). */
const MAX_DAYS = 3_660;

/** The ISO weeks (of the zone) the days of a range fall in, in order, each once. */
export function weeksOfRange(range: DayRange, zone: string): string[] {
  const weeks: string[] = [];
  let day = range.first;
  for (let n = 0; day <= range.last && n < MAX_DAYS; n += 1, day = dayAfter(day)) {
    const week = isoWeekOf(startOfDayIn(day, zone), zone);
    if (weeks.at(-1) !== week) weeks.push(week);
  }
  return weeks;
}
