import { zoneOffsetMs } from '@contact-desk/shared';
import { InvalidArgumentError } from 'commander';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant of a wall-clock time in a time zone (twice corrected, for the day DST changes). */
function zonedInstant(fields: readonly number[], timeZone: string): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

/**
 * A time given on the command line: ms since the epoch, an ISO time with `Z` or an offset, or a
 * date / local time read in `timeZone` (as the app writes periods in its exports).
 */
export function parseInstant(value: string, timeZone: string): number {
  if (/^\d{10,}$/.test(value)) return Number(value);
  const dateOnly = DATE_ONLY.exec(value) ?? LOCAL_TIME.exec(value);
  if (dateOnly) {
    try {
      return zonedInstant(
        dateOnly
          .slice(1)
          .filter((part) => part !== undefined)
          .map(Number),
        timeZone,
      );
    } catch {
      throw new InvalidArgumentError(`unknown time zone: ${timeZone}`);
    }
  }
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new InvalidArgumentError(`not a date or time: ${value} (e.g. 2026-11-02 or 2026-11-02T09:30:00Z)`);
  return parsed;
}
