import { weeklyFigures, type Period, type Request, type WeeklyFigures } from '@contact-desk/shared';

/** The weekly medians a chart draws: time to acknowledge or to answer. */
export type TrendMeasure = 'medianTimeToAck' | 'medianTimeToAnswer';

export const TREND_MEASURES: readonly TrendMeasure[] = ['medianTimeToAck', 'medianTimeToAnswer'];

/** One ISO week of the period, with the platform's figures for it (none when nothing was created). */
export interface TrendWeek {
  readonly week: string;
  readonly figures: WeeklyFigures | undefined;
}

/** A platform's weekly figures over every week of the period, weeks without a request kept as gaps. */
export function trendOf(
  requests: readonly Request[],
  period: Period,
  at: number,
  zone: string,
  weeks: readonly string[],
  platformId: string,
): TrendWeek[] {
  const mine = requests.filter((request) => request.platformId === platformId);
  const byWeek = new Map(weeklyFigures(mine, period, at, zone).map((row) => [row.week, row]));
  return weeks.map((week) => ({ week, figures: byWeek.get(week) }));
}

/** The highest value of a measure over the weeks: the top of the chart's scale; undefined when none. */
export function highestOf(weeks: readonly TrendWeek[], measure: TrendMeasure): number | undefined {
  let highest: number | undefined;
  for (const { figures } of weeks) {
    const value = figures?.[measure];
    if (value !== undefined && (highest === undefined || value > highest)) highest = value;
  }
  return highest;
}

/** The drawing box of a chart, in SVG units. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Where a week's value sits in the box; y undefined for a week without a value. */
export interface ChartPoint {
  readonly week: string;
  readonly x: number;
  readonly y: number | undefined;
}

/** Each week evenly along x; values from 0 (bottom) to `highest` (top). */
export function chartPoints(weeks: readonly TrendWeek[], measure: TrendMeasure, box: ChartBox): ChartPoint[] {
  const highest = highestOf(weeks, measure);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const step = weeks.length > 1 ? plotWidth / (weeks.length - 1) : 0;
  return weeks.map(({ week, figures }, index) => {
    const value = figures?.[measure];
    const x = box.left + (weeks.length > 1 ? index * step : plotWidth / 2);
    const y = value === undefined || highest === undefined ? undefined : box.top + plotHeight * (1 - (highest === 0 ? 0 : value / highest));
    return { week, x, y };
  });
}

/** The SVG path of the line: runs of consecutive weeks with a value, broken at the gaps. */
export function linePath(points: readonly ChartPoint[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point.y === undefined) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${point.x.toFixed(1)} ${point.y.toFixed(1)} `;
    drawing = true;
  }
  return path.trim();
}
