import { dayOf, type Period } from '@contact-desk/shared';
import { periodOfRange, shiftDays, type DayRange } from '../figures/figures-period';

/** Days the Exports screen proposes before one is picked: the thirty days before today. */
const DEFAULT_DAYS_BACK = 30;

/**
 * The days first proposed: from thirty days before today to today, both in the exports' zone
 * (the zone the period is converted in, so that "today" is the day the export will name).
 */
export function defaultExportDays(now: number, zone: string): DayRange {
  const today = dayOf(now, zone);
  return { first: shiftDays(today, -DEFAULT_DAYS_BACK), last: today };
}

/**
 * The relay-time bounds of the picked days: from the first day's 00:00 in the zone (included) to
 * the 00:00 after the last (excluded), so that a day of a change of time is 23 or 25 hours long;
 * null when the days are not a period (missing, malformed or reversed).
 */
export function exportPeriod(days: DayRange, zone: string): Period | null {
  return periodOfRange(days, zone);
}
