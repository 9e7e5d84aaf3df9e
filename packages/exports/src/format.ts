/**
 * Formatting of times and durations. Every time is written in an explicit IANA time zone with
 * `Intl.DateTimeFormat`; nothing depends on the zone of the machine that runs the export.
 */
import { wallTimeFromIntl, zoneOffsetMs, type WallTime } from '@contact-desk/shared';
import type { Texts } from './texts/index.js';
import type { ExportMeta } from './types.js';

export type { WallTime };

/** The wall-clock fields of `ms` in `timeZone`. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const wall = new Date(Math.floor(ms / 1000) * 1000 + zoneOffsetMs(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** `wallTime` read from `Intl` for every instant: the reference the cached offsets are tested against. */
export const wallTimeUncached = wallTimeFromIntl;

/**
 * The zone's wall time of `ms` written as if it were UTC: what a spreadsheet, which knows no
 * time zones, must store so that it shows the time of the zone.
 */
export function wallTimeAsUtc(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of the zone from UTC at `ms`, in minutes (e.g. 60 for Paris in winter). */
export function offsetMinutes(ms: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `dd/mm/yyyy hh:mm` in the zone (the French spreadsheet habit). */
export function formatDayMonthYear(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${pad(w.day)}/${pad(w.month)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** ISO 8601 with the zone's offset, e.g. `2026-11-03T14:05:00+01:00`. */
export function formatIsoOffset(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const offset = offsetMinutes(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `yyyy-mm-dd` of `ms` in the zone. */
export function formatIsoDate(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `UTC+01:00` for the zone at `ms`. */
export function formatOffset(ms: number, timeZone: string): string {
  const offset = offsetMinutes(ms, timeZone);
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? '−' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** A time for people to read, in the language's habits and the zone, e.g. `03/11/2026 14:05`. */
export function formatDateTime(ms: number, timeZone: string, texts: Texts): string {
  const key = `${texts.locale}|${timeZone}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(texts.locale, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(new Date(ms)).replace(',', '');
}

/** A day for people to read, e.g. `mardi 3 novembre 2026`. */
export function formatLongDate(ms: number, timeZone: string, texts: Texts, withTime = false): string {
  return new Intl.DateTimeFormat(texts.locale, {
    timeZone,
    dateStyle: 'full',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(ms));
}

/** A day, short, e.g. `03/11/2026`. */
export function formatDate(ms: number, timeZone: string, texts: Texts): string {
  return new Intl.DateTimeFormat(texts.locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** The period as people read it: `01/11/2026 00:00 – 30/11/2026 23:59` style, `to` exclusive. */
export function formatPeriod(meta: ExportMeta, texts: Texts): string {
  const { from, to } = meta.period;
  return `${formatDateTime(from, meta.timeZone, texts)} – ${formatDateTime(to, meta.timeZone, texts)} (${
    texts.locale.startsWith('fr') ? 'fin exclue' : 'end excluded'
  })`;
}

/** The time zone with its offset at the start of the period, e.g. `Europe/Paris (UTC+01:00)`. */
export function formatZone(meta: ExportMeta): string {
  return `${meta.timeZone} (${formatOffset(meta.period.from, meta.timeZone)})`;
}

/** The log position, e.g. `#1234` or `#1234 · 9f2c…`. */
export function formatLogPosition(meta: ExportMeta): string {
  return meta.headHash ? `#${meta.lastSeq} · ${meta.headHash}` : `#${meta.lastSeq}`;
}

/** The lines of metadata every export carries, as [label, value] pairs. */
export function metaLines(meta: ExportMeta, texts: Texts, extra: readonly (readonly [string, string])[] = []) {
  const lines: [string, string][] = [
    [texts.meta.period, formatPeriod(meta, texts)],
    [texts.meta.timeZone, formatZone(meta)],
    [texts.meta.generatedAt, `${formatDateTime(meta.generatedAt, meta.timeZone, texts)} (${meta.timeZone})`],
    [texts.meta.lastSeq, String(meta.lastSeq)],
  ];
  if (meta.headHash) lines.push([texts.meta.headHash, meta.headHash]);
  lines.push([texts.meta.platforms, meta.platforms.length > 0 ? meta.platforms.join(', ') : texts.meta.allPlatforms]);
  for (const [label, value] of extra) lines.push([label, value]);
  return lines;
}

/** Gives the event loop a turn so that a long export does not freeze a user interface. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How many rows to process between two turns given to the event loop. */
export const YIELD_EVERY = 1000;
