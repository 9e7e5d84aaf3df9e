/**
 * How every document writes a figure, in French or English: durations and shares. One function
 * each, so that the PDF, the DOCX, the Markdown, the spreadsheets' text, the app and `relay audit
 * figures` print the same characters for the same number.
 */

export type FigureLanguage = 'fr' | 'en';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration, truncated to the minute (a figure never claims time that has not passed):
 * under a minute but more than nothing `< 1 min` (a delay is never written as none); under an
 * hour `8 min`; under two days `2 h 05`; from two days `3 j 04 h` (English `3 d 04 h`).
 * Negative durations keep their sign; an undefined one is `—`.
 */
export function formatDuration(ms: number | undefined | null, language: FigureLanguage): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes === 0 && ms !== 0) return `${sign}< 1 min`;
  if (minutes < 60) return `${sign}${minutes} min`;
  if (minutes * MINUTE < 2 * DAY) return `${sign}${Math.floor(minutes / 60)} h ${pad(minutes % 60)}`;
  const days = Math.floor((minutes * MINUTE) / DAY);
  const hours = Math.floor((minutes * MINUTE - days * DAY) / HOUR);
  return `${sign}${days} ${language === 'fr' ? 'j' : 'd'} ${pad(hours)} h`;
}

/**
 * A share from 0 to 1 as a percentage with one decimal, rounded half away from zero:
 * `21,4 %` in French, `21.4%` in English; an undefined share (nothing counted) is `—`.
 */
export function formatShare(share: number | undefined, language: FigureLanguage): string {
  if (share === undefined || !Number.isFinite(share)) return '—';
  const tenths = Math.round(share * 1000);
  const whole = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  return language === 'fr' ? `${whole},${decimal} %` : `${whole}.${decimal}%`;
}
