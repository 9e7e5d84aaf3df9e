import { describe, expect, it } from 'vitest';
import { weeklyTrend } from '../../src/renderer/src/features/exports/export-data';
import { HOUR, request, T0 } from './record-fixtures';

describe('weekly trend of the figures', () => {
  it('gives the median times per platform and week', () => {
    const trend = weeklyTrend(
      [
        request('1', 'meta', T0, 5 * 60_000, HOUR),
        request('2', 'meta', T0 + HOUR, 15 * 60_000, 3 * HOUR),
        request('3', 'meta', T0 + 7 * 24 * HOUR, null, null),
      ],
      { from: T0, to: T0 + 14 * 24 * HOUR },
      T0 + 14 * 24 * HOUR,
      'Europe/Paris',
    );
    expect(trend).toEqual([
      { week: '2026-W45', platformId: 'meta', medianAck: 5 * 60_000, medianAnswer: HOUR },
      { week: '2026-W46', platformId: 'meta', medianAck: undefined, medianAnswer: undefined },
    ]);
  });
});
