/**
 * Property tests of the figures over random logs: whatever the requests did, the late list's rows
 * add up to the figures, the parts add up to the whole, a platform's figures do not depend on
 * which other platforms are asked for, and a request once late stays late.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PLATFORMS, lateRequests, platformFigures, requestFigures, weeklyFigures, type Request } from '../src/index.js';
import { HOUR, T0 } from './fixtures.js';
import { run, scenario } from './scenarios.js';

const ZONES = ['Europe/Paris', 'UTC', 'Australia/Sydney', 'America/New_York'];

const world = fc.record({
  commands: scenario,
  /** Where the period starts and ends, in hours from T0 (it may be empty or miss every request). */
  from: fc.integer({ min: -48, max: 24 }),
  length: fc.integer({ min: 1, max: 24 * 20 }),
  /** How long after the last step the figures are computed. */
  later: fc.integer({ min: 0, max: 24 * 10 }),
  zone: fc.constantFrom(...ZONES),
});

function requestsOf(commands: Parameters<typeof run>[0]): { requests: Request[]; now: number } {
  const { world: seeded } = run(commands);
  return { requests: [...seeded.desk.state.requests.values()], now: seeded.desk.now };
}

describe('figures over random logs', () => {
  it('the late list’s rows are exactly the late and unanswered counts, per platform and in total', () => {
    fc.assert(
      fc.property(world, ({ commands, from, length, later }) => {
        const { requests, now } = requestsOf(commands);
        const period = { from: T0 + from * HOUR, to: T0 + (from + length) * HOUR };
        const at = now + later * HOUR;
        const rows = lateRequests(requests, period, at);
        for (const figures of platformFigures(requests, period, at, true)) {
          const mine = figures.platformId === ALL_PLATFORMS ? rows : rows.filter((row) => row.request.platformId === figures.platformId);
          expect(mine.length).toBe(figures.late);
          expect(mine.filter((row) => row.withdrawn).length).toBe(figures.lateWithdrawn);
          expect(mine.filter((row) => row.unanswered).length).toBe(figures.unanswered);
          expect(figures.counted + figures.withdrawn).toBe(figures.created);
          expect(figures.acknowledged).toBeLessThanOrEqual(figures.counted);
          expect(figures.answered).toBeLessThanOrEqual(figures.counted);
          if (figures.onTimeShare !== undefined) {
            expect(Math.round(figures.onTimeShare * figures.counted)).toBe(figures.counted - (figures.late - figures.lateWithdrawn));
          } else {
            expect(figures.counted).toBe(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the total row is the sum of the platforms’ rows, and a platform’s row does not depend on the others asked for', () => {
    fc.assert(
      fc.property(world, ({ commands, from, length, later }) => {
        const { requests, now } = requestsOf(commands);
        const period = { from: T0 + from * HOUR, to: T0 + (from + length) * HOUR };
        const at = now + later * HOUR;
        const all = platformFigures(requests, period, at, true);
        const total = all.find((row) => row.platformId === ALL_PLATFORMS);
        const platforms = all.filter((row) => row.platformId !== ALL_PLATFORMS);
        if (!total) {
          expect(platforms).toEqual([]);
          return;
        }
        for (const key of ['created', 'withdrawn', 'counted', 'acknowledged', 'answered', 'late', 'lateWithdrawn', 'unanswered'] as const) {
          expect(total[key]).toBe(platforms.reduce((sum, row) => sum + row[key], 0));
        }
        for (const row of platforms) {
          const alone = platformFigures(
            requests.filter((request) => request.platformId === row.platformId),
            period,
            at,
          );
          expect(alone).toEqual([row]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the weeks of a period, in any zone, add up to the period', () => {
    fc.assert(
      fc.property(world, ({ commands, from, length, later, zone }) => {
        const { requests, now } = requestsOf(commands);
        const period = { from: T0 + from * HOUR, to: T0 + (from + length) * HOUR };
        const at = now + later * HOUR;
        const weeks = weeklyFigures(requests, period, at, zone);
        for (const row of platformFigures(requests, period, at)) {
          const mine = weeks.filter((week) => week.platformId === row.platformId);
          for (const key of ['created', 'withdrawn', 'late', 'unanswered', 'acknowledged', 'answered'] as const) {
            expect(mine.reduce((sum, week) => sum + week[key], 0)).toBe(row[key]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a request late at one moment stays late later; its times never change with the moment asked', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 24 * 30 }), ({ commands, later }, more) => {
        const { requests, now } = requestsOf(commands);
        for (const request of requests) {
          const before = requestFigures(request, now + later * HOUR);
          const after = requestFigures(request, now + (later + more) * HOUR);
          if (before.late) expect(after.late).toBe(true);
          if (before.unanswered) expect(after.unanswered).toBe(true);
          expect(after.timeToAck).toBe(before.timeToAck);
          expect(after.timeToAnswer).toBe(before.timeToAnswer);
          if (before.timeToAnswer !== null) expect(before.timeToAnswer).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});
