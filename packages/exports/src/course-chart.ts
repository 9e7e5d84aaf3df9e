import type { CampaignPoint } from '@contact-desk/shared';
import type { ChartOptions } from './chart.js';
import { wallTime } from './format.js';
import { COLORS } from './pdf-colors.js';
import { svgText, textWidth } from './svg-text.js';
import { textsFor, type Texts } from './texts/index.js';

const SIZE = 8.5;
const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const DAY_MINUTES = 1440;
/** Steps between two time ticks, in minutes: round wall-clock times of the zone. */
const TICK_STEPS = [15, 30, 60, 120, 180, 360, 720, DAY_MINUTES, 2 * DAY_MINUTES, 7 * DAY_MINUTES, 14 * DAY_MINUTES, 28 * DAY_MINUTES];
/** 5 January 1970, a Monday: weekly ticks fall on Mondays. */
const MONDAY_DAY_NUMBER = 4;

export interface CourseChartOptions extends ChartOptions {
  /** IANA time zone the axis's times are written in: the export's. */
  readonly timeZone: string;
  /** Height of the drawing in SVG units (default 300). */
  readonly height?: number;
}

type Series = 'sent' | 'acknowledged' | 'answered';

/** A count axis from zero: a step of 1, 2 or 5 times a power of ten, at most five steps. */
export function niceCountAxis(max: number): { max: number; step: number } {
  for (let power = 1; ; power *= 10) {
    for (const step of [power, 2 * power, 5 * power])
      if (Math.max(1, max) <= step * 5) return { max: Math.max(step, Math.ceil(max / step) * step), step };
  }
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** `3 nov.` / `3 Nov` in the zone. */
function shortDay(ms: number, timeZone: string, texts: Texts): string {
  const key = `${texts.locale}|${timeZone}`;
  let formatter = dayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(texts.locale, { timeZone, day: 'numeric', month: 'short' });
    dayFormatters.set(key, formatter);
  }
  return formatter.format(new Date(ms));
}

/**
 * Ticks of a time axis from `from` to `to`, at round wall times of the zone (every quarter,
 * hour, few hours, midnight, Monday…), at most `most` of them: the time, and the day under it
 * on the first tick and wherever the day changes (the day alone for ticks at midnight).
 */
export function timeTicks(from: number, to: number, timeZone: string, texts: Texts, most: number): { at: number; lines: string[] }[] {
  const span = Math.max(to - from, MINUTE);
  const step =
    TICK_STEPS.find((minutes) => span / (minutes * MINUTE) <= most) ?? Math.ceil(span / most / (DAY_MINUTES * MINUTE)) * DAY_MINUTES;
  const ticks: { at: number; lines: string[] }[] = [];
  let lastDay = '';
  for (let at = Math.ceil(from / QUARTER) * QUARTER; at <= to; at += QUARTER) {
    const w = wallTime(at, timeZone);
    const minuteOfDay = w.hour * 60 + w.minute;
    const dayNumber = Date.UTC(w.year, w.month - 1, w.day) / (DAY_MINUTES * MINUTE);
    const round =
      step < DAY_MINUTES ? minuteOfDay % step === 0 : minuteOfDay === 0 && (dayNumber - MONDAY_DAY_NUMBER) % (step / DAY_MINUTES) === 0;
    if (!round) continue;
    const day = shortDay(at, timeZone, texts);
    const time = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
    ticks.push({ at, lines: step >= DAY_MINUTES ? [day] : day === lastDay ? [time] : [time, day] });
    lastDay = day;
  }
  if (ticks.length >= 2) return ticks;
  // Too short a course for two round times: its two ends, written whole.
  return [from, to].map((at) => {
    const w = wallTime(at, timeZone);
    return { at, lines: [`${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`, shortDay(at, timeZone, texts)] };
  });
}

/**
 * The course of a campaign as SVG text: three cumulative lines over time — requests sent (not
 * withdrawn), acknowledged and answered by each instant, as `campaignCourse` counts them — the
 * time axis at round wall times of the export's zone in its language, the count axis from zero,
 * and each line's last value written at its end. A pure function, for the report and the app.
 *
 * @param course the campaign's course (from `campaignCourse` of `@contact-desk/shared`), oldest first
 * @param options language, zone of the times, width and height
 * @returns an `<svg>` document
 */
export function campaignCourseSvg(course: readonly CampaignPoint[], options: CourseChartOptions): string {
  const texts = textsFor(options.language);
  const width = options.width ?? 760;
  const height = options.height ?? 300;
  // Lines that coincide (every request acknowledged, every acknowledged one answered) stay
  // visible: each is drawn narrower than the one before, on top of it.
  const series: readonly { key: Series; label: string; color: string; text: string; stroke: number }[] = [
    { key: 'sent', label: texts.campaign.sent, color: '#a6a6a6', text: COLORS.muted, stroke: 5 },
    { key: 'acknowledged', label: texts.campaign.acknowledged, color: COLORS.ack, text: COLORS.ack, stroke: 2.8 },
    { key: 'answered', label: texts.campaign.answered, color: COLORS.answer, text: COLORS.answer, stroke: 1.2 },
  ];
  const last = course.at(-1);
  const endLabel = (s: (typeof series)[number]) => `${s.label} ${last ? last[s.key] : 0}`;
  const axis = niceCountAxis(Math.max(0, ...course.map((point) => point.sent)));
  const left = Math.max(24, textWidth(String(axis.max), SIZE) + 10);
  const right = Math.max(...series.map((s) => textWidth(endLabel(s), SIZE))) + 16;
  const top = 26;
  const bottom = 34;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const from = course[0]?.at ?? 0;
  const to = Math.max(last?.at ?? 0, from + MINUTE);
  const x = (at: number) => left + ((at - from) / (to - from)) * plotWidth;
  const y = (count: number) => top + plotHeight - (count / axis.max) * plotHeight;
  const parts: string[] = [];
  // Legend: a short line of each colour and its name, one after the other.
  let legendX = left;
  for (const s of series) {
    parts.push(
      `<line x1="${legendX}" y1="10" x2="${legendX + 14}" y2="10" stroke="${s.color}" stroke-width="${s.stroke}"/>`,
      svgText([s.label], legendX + 18, 13, { size: SIZE, fill: COLORS.ink }),
    );
    legendX += 18 + textWidth(s.label, SIZE) + 18;
  }
  for (let v = 0; v <= axis.max; v += axis.step) {
    parts.push(
      `<line x1="${left}" y1="${y(v)}" x2="${left + plotWidth}" y2="${y(v)}" stroke="${COLORS.rule}" stroke-width="0.6"/>`,
      svgText([String(v)], left - 5, y(v) + 3, { size: SIZE, fill: COLORS.muted, anchor: 'end' }),
    );
  }
  for (const tick of timeTicks(from, to, options.timeZone, texts, Math.max(2, Math.floor(plotWidth / 70)))) {
    const tx = x(tick.at);
    parts.push(
      `<line x1="${tx}" y1="${top + plotHeight}" x2="${tx}" y2="${top + plotHeight + 4}" stroke="${COLORS.muted}" stroke-width="0.6"/>`,
      svgText(tick.lines, tx, top + plotHeight + 13, { size: SIZE, fill: COLORS.muted, anchor: 'middle' }),
    );
  }
  for (const s of series) {
    const points = course.map((point) => `${x(point.at).toFixed(1)},${y(point[s.key]).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="${s.stroke}" stroke-linejoin="round" points="${points}"/>`);
  }
  // The last values at the lines' ends, pushed apart when they would overlap.
  const ends = series.map((s) => ({ s, at: y(last ? last[s.key] : 0) })).sort((a, b) => a.at - b.at);
  ends.forEach((end, i) => {
    const previous = ends[i - 1];
    if (previous && end.at - previous.at < SIZE * 1.25) end.at = previous.at + SIZE * 1.25;
  });
  for (const end of ends)
    parts.push(svgText([endLabel(end.s)], left + plotWidth + 6, end.at + 3, { size: SIZE, fill: end.s.text, extra: 'font-weight="bold"' }));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
