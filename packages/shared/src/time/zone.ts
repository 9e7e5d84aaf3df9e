/**
 * Time-zone offsets from `Intl`, with nothing from the machine's own zone: the relay, the app and
 * the exports read wall times of an explicit IANA zone (e.g. `Europe/Paris`) the same way.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Calendar fields of an instant as read on a wall clock of the zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall-clock fields of `ms` in `timeZone`, read from `Intl` (about 8 µs a call). */
export function wallTimeFromIntl(ms: number, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** Offset of the zone from UTC at `ms`, in ms (whole seconds), read from `Intl`. */
function offsetFromIntl(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallTimeFromIntl(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * Offsets are looked up once per zone and quarter of an hour: a zone changes its offset at most
 * a few times a year, so a 10,000-row export with five times a row asks `Intl` a few thousand
 * times instead of fifty thousand. A quarter whose two ends have the same offset has it
 * throughout (no zone changes its offset twice within 15 minutes); in the quarter of a change,
 * each instant is looked up on its own.
 */
const QUARTER_MS = 15 * 60_000;
const MAX_CACHED_QUARTERS = 100_000;
const quarterOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC at `ms`, in ms (e.g. 3,600,000 for Paris in winter). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let quarters = quarterOffsets.get(timeZone);
  if (!quarters) {
    quarters = new Map();
    quarterOffsets.set(timeZone, quarters);
  }
  const quarter = Math.floor(ms / QUARTER_MS);
  let offset = quarters.get(quarter);
  if (offset === undefined) {
    const start = offsetFromIntl(quarter * QUARTER_MS, timeZone);
    offset = start === offsetFromIntl((quarter + 1) * QUARTER_MS - 1, timeZone) ? start : null;
    if (quarters.size >= MAX_CACHED_QUARTERS) quarters.clear();
    quarters.set(quarter, offset);
  }
  return offset ?? offsetFromIntl(ms, timeZone);
}
