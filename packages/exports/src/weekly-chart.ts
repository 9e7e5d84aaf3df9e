import { formatDuration } from '@contact-desk/shared';
import type { ChartOptions } from './chart.js';
import { COLORS } from './pdf-colors.js';
import { niceDurationAxis, svgText, wrapLabel } from './svg-text.js';
import { textsFor } from './texts/index.js';
import type { PlatformRef, WeeklyPoint } from './types.js';

const PLATFORM_COLORS = ['#4472c4', '#ed7d31', '#70ad47', '#7030a0', '#c00000', '#2e9fa6', '#bf8f00', '#7f7f7f'];
const SIZE = 8.5;

/**
 * The weekly trend as SVG text: one line per platform of the weekly median time to
 * acknowledge (`metric: 'ack'`) or to answer (`'answer'`), weeks in order on the x axis, the
 * legend's platform names whole (wrapped) in a reader's order.
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
  const left = 52;
  const right = 190;
  const top = 26;
  const bottom = 28;
  const name = (id: string) => platforms.get(id)?.name ?? id;
  const collator = new Intl.Collator(options.language, { sensitivity: 'base', numeric: true });
  const weeks = [...new Set(weekly.map((p) => p.week))].sort();
  const ids = [...new Set(weekly.map((p) => p.platformId))].sort((a, b) => collator.compare(name(a), name(b)));
  const value = (p: WeeklyPoint) => (options.metric === 'ack' ? p.medianAck : p.medianAnswer);
  const axis = niceDurationAxis(Math.max(60_000, ...weekly.map((p) => value(p) ?? 0)));
  const legends = ids.map((id) => wrapLabel(name(id), right - 32, SIZE));
  const legendHeight = legends.reduce((sum, lines) => sum + lines.length * SIZE * 1.2 + 4, 0);
  const height = Math.max(165, top + legendHeight + 8);
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (i: number) => left + (weeks.length <= 1 ? plotWidth / 2 : (i / (weeks.length - 1)) * plotWidth);
  const y = (v: number) => top + plotHeight - (v / axis.max) * plotHeight;
  const title = options.metric === 'ack' ? texts.figures.weeklyAck : texts.figures.weeklyAnswer;
  const parts: string[] = [svgText([title], 0, 14, { size: 12, fill: COLORS.header, extra: 'font-weight="bold"' })];
  for (let v = 0; v <= axis.max; v += axis.step) {
    parts.push(
      `<line x1="${left}" y1="${y(v)}" x2="${left + plotWidth}" y2="${y(v)}" stroke="${COLORS.rule}" stroke-width="0.6"/>`,
      svgText([formatDuration(v, options.language)], left - 5, y(v) + 3, { size: SIZE, fill: COLORS.muted, anchor: 'end' }),
    );
  }
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 10));
  weeks.forEach((week, i) => {
    if (i % labelEvery === 0) parts.push(svgText([week], x(i), height - 12, { size: SIZE, fill: COLORS.muted, anchor: 'middle' }));
  });
  if (weeks.length === 0) {
    parts.push(
      svgText([texts.figures.noData], left + plotWidth / 2, top + plotHeight / 2, {
        size: 10,
        fill: COLORS.muted,
        anchor: 'middle',
        extra: 'font-style="italic"',
      }),
    );
  }
  let legendY = top;
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
    const lines = legends[n]!;
    parts.push(
      `<rect x="${width - right + 14}" y="${legendY - 5}" width="10" height="3" fill="${color}"/>`,
      svgText(lines, width - right + 28, legendY, { size: SIZE, fill: COLORS.ink }),
    );
    legendY += lines.length * SIZE * 1.2 + 4;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
