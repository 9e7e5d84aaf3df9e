import type { PlatformFigures } from '@contact-desk/shared';
import { formatDuration } from './format.js';
import { COLORS } from './pdf-colors.js';
import { textsFor } from './texts/index.js';
import type { Language, PlatformRef, WeeklyPoint } from './types.js';

export interface ChartOptions {
  readonly language: Language;
  /** Width of the drawing in SVG units (default 760). */
  readonly width?: number;
}

const FONT = 'font-family="Roboto, Helvetica, Arial, sans-serif"';
const PLATFORM_COLORS = ['#4472c4', '#ed7d31', '#70ad47', '#7030a0', '#c00000', '#2e9fa6', '#bf8f00', '#7f7f7f'];

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A "nice" upper bound for an axis of durations (ms): a whole number of minutes or hours. */
function niceDurationMax(max: number): { max: number; step: number } {
  const steps = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 7200].map((m) => m * 60_000);
  for (const step of steps) if (max <= step * 4) return { max: Math.max(step, Math.ceil(max / step) * step), step };
  const step = Math.ceil(max / 4 / 86_400_000) * 86_400_000;
  return { max: step * 4, step };
}

/** Longest label that fits the bar charts' label column (about 5 px a character at 8.5 pt). */
const LABEL_CHARACTERS = 21;

/** A platform name cut to the label column, with an ellipsis: "Fédération des fourn…". */
export function fitLabel(name: string): string {
  return name.length <= LABEL_CHARACTERS ? name : `${name.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…`;
}

function barPanel(
  x0: number,
  width: number,
  title: string,
  rows: readonly { label: string; median: number | undefined; p90: number | undefined }[],
  color: string,
  texts: ReturnType<typeof textsFor>,
): string {
  const labelWidth = 110;
  const rowHeight = 26;
  const top = 28;
  const plotX = x0 + labelWidth;
  const plotWidth = width - labelWidth - 30;
  const values = rows.flatMap((row) => [row.median ?? 0, row.p90 ?? 0]);
  const { max, step } = niceDurationMax(Math.max(1, ...values));
  const scale = (v: number) => plotX + (v / max) * plotWidth;
  const plotHeight = rows.length * rowHeight;
  const parts: string[] = [
    `<text x="${x0}" y="14" font-size="12" font-weight="bold" fill="${COLORS.header}" ${FONT}>${escapeXml(title)}</text>`,
  ];
  for (let v = 0; v <= max; v += step) {
    const x = scale(v);
    parts.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${top + plotHeight}" stroke="${COLORS.rule}" stroke-width="0.6"/>`,
      `<text x="${x}" y="${top + plotHeight + 12}" font-size="8.5" text-anchor="middle" fill="${COLORS.muted}" ${FONT}>${formatDuration(v)}</text>`,
    );
  }
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    parts.push(
      `<text x="${plotX - 6}" y="${y + rowHeight / 2 + 3}" font-size="9.5" text-anchor="end" fill="${COLORS.ink}" ${FONT}>${escapeXml(row.label)}</text>`,
    );
    if (row.median === undefined) {
      parts.push(
        `<text x="${plotX + 4}" y="${y + rowHeight / 2 + 3}" font-size="8.5" font-style="italic" fill="${COLORS.muted}" ${FONT}>${escapeXml(texts.figures.noData)}</text>`,
      );
      return;
    }
    const barWidth = Math.max(1, scale(row.median) - plotX);
    parts.push(
      `<rect x="${plotX}" y="${y + 6}" width="${barWidth}" height="${rowHeight - 12}" fill="${color}"/>`,
      `<text x="${plotX + barWidth + 4}" y="${y + rowHeight / 2 + 3}" font-size="8.5" fill="${COLORS.ink}" ${FONT}>${formatDuration(row.median)}</text>`,
    );
    if (row.p90 !== undefined) {
      const px = scale(row.p90);
      parts.push(
        `<line x1="${px}" y1="${y + 3}" x2="${px}" y2="${y + rowHeight - 3}" stroke="${COLORS.ink}" stroke-width="1.6"/>`,
      );
    }
  });
  return parts.join('');
}

/**
 * The bar chart of the figures as SVG text: for each platform the median time to acknowledge
 * (left panel) and to answer (right panel) as bars, the p90 as a black tick, each panel on its
 * own scale in h:mm. A pure function, used both in the figures PDF and in the app.
 *
 * @param figures per-platform figures (from `platformFigures` of `@contact-desk/shared`)
 * @param platforms platform names by id
 * @param options language and width
 * @returns an `<svg>` document
 */
export function figuresChartSvg(
  figures: readonly PlatformFigures[],
  platforms: ReadonlyMap<string, PlatformRef>,
  options: ChartOptions,
): string {
  const texts = textsFor(options.language);
  const width = options.width ?? 760;
  const panel = (width - 20) / 2;
  const label = (id: string) => fitLabel(platforms.get(id)?.name ?? id);
  const height = 28 + Math.max(1, figures.length) * 26 + 40;
  const legendY = height - 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    barPanel(
      0,
      panel,
      texts.figures.timeToAck,
      figures.map((f) => ({ label: label(f.platformId), median: f.medianTimeToAck, p90: f.p90TimeToAck })),
      COLORS.ack,
      texts,
    ),
    barPanel(
      panel + 20,
      panel,
      texts.figures.timeToAnswer,
      figures.map((f) => ({ label: label(f.platformId), median: f.medianTimeToAnswer, p90: f.p90TimeToAnswer })),
      COLORS.answer,
      texts,
    ),
    `<rect x="0" y="${legendY - 8}" width="10" height="8" fill="${COLORS.ack}"/>`,
    `<rect x="12" y="${legendY - 8}" width="10" height="8" fill="${COLORS.answer}"/>`,
    `<text x="26" y="${legendY}" font-size="8.5" fill="${COLORS.muted}" ${FONT}>${escapeXml(texts.figures.median)}</text>`,
    `<line x1="80" y1="${legendY - 9}" x2="80" y2="${legendY + 1}" stroke="${COLORS.ink}" stroke-width="1.6"/>`,
    `<text x="86" y="${legendY}" font-size="8.5" fill="${COLORS.muted}" ${FONT}>${escapeXml(texts.figures.p90)}</text>`,
    '</svg>',
  ].join('');
}

/**
 * The weekly trend as SVG text: one line per platform of the weekly median time to
 * acknowledge (`metric: 'ack'`) or to answer (`'answer'`), weeks in order on the x axis.
 *
 * @param weekly the weekly medians
 * @param platforms platform names by id
 * @param options language, width and the metric drawn
 * @returns an `<svg>` document
 */
export function weeklyTrendSvg(
  weekly: readonly WeeklyPoint[],
  platforms: ReadonlyMap<string, PlatformRef>,
  options: ChartOptions & { readonly metric: 'ack' | 'answer' },
): string {
  const texts = textsFor(options.language);
  const width = options.width ?? 760;
  const height = 165;
  const left = 48;
  const right = 140;
  const top = 26;
  const bottom = 28;
  const weeks = [...new Set(weekly.map((p) => p.week))].sort();
  const ids = [...new Set(weekly.map((p) => p.platformId))].sort();
  const value = (p: WeeklyPoint) => (options.metric === 'ack' ? p.medianAck : p.medianAnswer);
  const { max, step } = niceDurationMax(Math.max(1, ...weekly.map((p) => value(p) ?? 0)));
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (i: number) => left + (weeks.length <= 1 ? plotWidth / 2 : (i / (weeks.length - 1)) * plotWidth);
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const title = options.metric === 'ack' ? texts.figures.weeklyAck : texts.figures.weeklyAnswer;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<text x="0" y="14" font-size="12" font-weight="bold" fill="${COLORS.header}" ${FONT}>${escapeXml(title)}</text>`,
  ];
  for (let v = 0; v <= max; v += step) {
    parts.push(
      `<line x1="${left}" y1="${y(v)}" x2="${left + plotWidth}" y2="${y(v)}" stroke="${COLORS.rule}" stroke-width="0.6"/>`,
      `<text x="${left - 5}" y="${y(v) + 3}" font-size="8.5" text-anchor="end" fill="${COLORS.muted}" ${FONT}>${formatDuration(v)}</text>`,
    );
  }
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
  weeks.forEach((week, i) => {
    if (i % labelEvery === 0) {
      parts.push(
        `<text x="${x(i)}" y="${height - 12}" font-size="8.5" text-anchor="middle" fill="${COLORS.muted}" ${FONT}>${escapeXml(week)}</text>`,
      );
    }
  });
  if (weeks.length === 0) {
    parts.push(
      `<text x="${left + plotWidth / 2}" y="${top + plotHeight / 2}" font-size="10" text-anchor="middle" font-style="italic" fill="${COLORS.muted}" ${FONT}>${escapeXml(texts.figures.noData)}</text>`,
    );
  }
  ids.forEach((id, n) => {
    const color = PLATFORM_COLORS[n % PLATFORM_COLORS.length]!;
    const points = weeks.flatMap((week, i) => {
      const point = weekly.find((p) => p.week === week && p.platformId === id);
      const v = point ? value(point) : undefined;
      return v === undefined ? [] : [[x(i), y(v)] as const];
    });
    if (points.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="${color}" stroke-width="1.8" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
      );
    }
    for (const [px, py] of points) parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="2.5" fill="${color}"/>`);
    const ly = top + n * 14;
    parts.push(
      `<rect x="${width - right + 14}" y="${ly - 7}" width="10" height="3" fill="${color}"/>`,
      `<text x="${width - right + 28}" y="${ly - 2}" font-size="8.5" fill="${COLORS.ink}" ${FONT}>${escapeXml(platforms.get(id)?.name ?? id)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
