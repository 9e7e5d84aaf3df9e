import { weeklyFigures } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { chartPoints, highestOf, linePath, trendOf, type ChartBox } from '../../src/renderer/src/features/figures/trend-model';
import { DAY, figuresWorld } from './figures-world';

const world = figuresWorld();
const BOX: ChartBox = { width: 340, height: 120, left: 20, right: 20, top: 10, bottom: 10 };
// The fixture's period starts Monday 2 March 2026 (2026-W10); three weeks from it.
const period = { from: world.period.from, to: world.period.from + 21 * DAY };
const weeks = ['2026-W10', '2026-W11', '2026-W12'];

describe('the weekly trend of a platform', () => {
  it('has every week of the period, the shared weekly figures where requests were created, gaps elsewhere', () => {
    const trend = trendOf(world.requests, period, world.at, 'Europe/Paris', weeks, 'tiktok');
    expect(trend.map((week) => week.week)).toEqual(weeks);
    const shared = weeklyFigures(
      world.requests.filter((request) => request.platformId === 'tiktok'),
      period,
      world.at,
      'Europe/Paris',
    );
    expect(trend[0]!.figures).toEqual(shared[0]);
    expect(trend[1]!.figures).toBeUndefined();
    expect(trend[0]!.figures?.created).toBe(2);
  });

  it('scales from 0 at the bottom to the highest week at the top, and breaks the line at a gap', () => {
    const trend = [
      { week: '2026-W10', figures: { medianTimeToAck: 600_000 } },
      { week: '2026-W11', figures: undefined },
      { week: '2026-W12', figures: { medianTimeToAck: 300_000 } },
      { week: '2026-W13', figures: { medianTimeToAck: 0 } },
    ] as unknown as Parameters<typeof chartPoints>[0];
    expect(highestOf(trend, 'medianTimeToAck')).toBe(600_000);
    expect(highestOf(trend, 'medianTimeToAnswer')).toBeUndefined();
    const points = chartPoints(trend, 'medianTimeToAck', BOX);
    expect(points.map((point) => [point.x, point.y])).toEqual([
      [20, 10],
      [120, undefined],
      [220, 60],
      [320, 110],
    ]);
    expect(linePath(points)).toBe('M20.0 10.0 M220.0 60.0 L320.0 110.0');
  });

  it('puts a single week in the middle', () => {
    const points = chartPoints([{ week: '2026-W10', figures: undefined }], 'medianTimeToAck', BOX);
    expect(points).toEqual([{ week: '2026-W10', x: 170, y: undefined }]);
  });
});
