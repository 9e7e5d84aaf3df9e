import type { FigureLanguage } from '@contact-desk/shared';

/** Dates, times and durations for the user's language and time zone, with the zone named. */
export function userTimeZone(): string {
  return defaultFormat.resolvedOptions().timeZone;
}

/** Made once, like the formats below: making one costs a millisecond or more, and the shell asks on every render. */
const defaultFormat = new Intl.DateTimeFormat();

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: string, withZone: boolean, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withZone}|${withSeconds}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    // dateStyle/timeStyle cannot be combined with timeZoneName (TypeError), hence the fields.
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      ...(withZone ? { timeZoneName: 'short' } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Date and time; `withSeconds` for the record's own entries (who was told, and when). */
export function formatDateTime(ms: number, language: string, withZone = false, withSeconds = false): string {
  return dateTimeFormat(language, withZone, withSeconds).format(ms);
}

export function formatTime(ms: number, language: string, withSeconds = false): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { timeStyle: withSeconds ? 'medium' : 'short' }).format(ms);
}

/**
 * A live countdown or time since, to the second under a minute: "45 s", "12 min", "3 h 05",
 * "2 j 4 h" / "2 d 4 h". Figures of the record are written by the shared `formatDuration`.
 */
export function formatCountdown(ms: number, language: string): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  const days = Math.floor(hours / 24);
  return `${days} ${language === 'en' ? 'd' : 'j'} ${hours % 24} h`;
}

/** The app's language as the shared figures' formatters take it. */
export function figureLanguage(language: string): FigureLanguage {
  return language === 'en' ? 'en' : 'fr';
}
