import { ALL_PLATFORMS, lateRequests, platformFigures, type PlatformFigures } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, cellText, opensRequests } from '../../src/renderer/src/features/figures/figure-columns';
import {
  FIGURE_KINDS,
  countOf,
  figureTable,
  ownPlatformOf,
  platformsInScope,
  requestsBehind,
  requestsInScope,
} from '../../src/renderer/src/features/figures/figures-model';
import { figuresWorld } from './figures-world';

const world = figuresWorld();
const ministry = platformsInScope(world.platforms, world.requests, null, 'fr');
const table = figureTable(world.requests, ministry, world.period, world.at, true);
const refsOf = (rows: { request: { ref: string } }[]) => rows.map((row) => row.request.ref);
const refs = (...ids: string[]) => ids.map(world.ref);

function behind(platformId: string, kind: (typeof FIGURE_KINDS)[number]) {
  return requestsBehind(world.requests, world.period, world.at, { platformId, kind });
}

describe('the table of the figures screen', () => {
  it('has one row per platform by display name, one without requests included, and the total last', () => {
    expect(table.map((row) => row.platformId)).toEqual(['zz', 'meta', 'tiktok', ALL_PLATFORMS]);
    expect(table[0]).toMatchObject({ created: 0, counted: 0, medianTimeToAck: undefined, onTimeShare: undefined });
  });

  it('holds exactly the shared figures of each platform and of all together', () => {
    const shared = platformFigures(world.requests, world.period, world.at, true);
    for (const row of shared) expect(table.find((candidate) => candidate.platformId === row.platformId)).toEqual(row);
    expect(table.find((row) => row.platformId === 'meta')).toMatchObject({
      created: 5,
      withdrawn: 1,
      late: 3,
      lateWithdrawn: 1,
      unanswered: 1,
    });
  });

  it('writes each number with the shared formatters, and offers a list only where there are requests', () => {
    const meta = table.find((row) => row.platformId === 'meta')!;
    const text = (field: string, language: 'fr' | 'en' = 'fr') =>
      cellText(
        meta,
        FIGURE_COLUMNS.find((column) => column.field === field)!,
        language,
      );
    expect(text('created')).toBe('5');
    expect(text('medianTimeToAck')).toBe('10 min');
    expect(text('onTimeShare')).toBe('50,0 %');
    expect(text('onTimeShare', 'en')).toBe('50.0%');
    const agora = table[0]!;
    expect(FIGURE_COLUMNS.filter((column) => opensRequests(agora, column))).toEqual([]);
    expect(
      cellText(
        agora,
        FIGURE_COLUMNS.find((column) => column.field === 'p90TimeToAnswer')!,
        'fr',
      ),
    ).toBe('—');
  });
});

describe('the requests behind each number', () => {
  it('every count of every row equals the length of its list, and the on-time share its list over the counted', () => {
    for (const row of table) {
      for (const kind of FIGURE_KINDS) {
        const rows = behind(row.platformId, kind);
        const count = countOf(row, kind);
        if (count !== undefined) expect(rows, `${row.platformId} ${kind}`).toHaveLength(count);
        else if (row.onTimeShare === undefined) expect(rows).toEqual([]);
        else expect(rows.length / row.counted, `${row.platformId} on time`).toBe(row.onTimeShare);
        for (const entry of rows) {
          if (row.platformId !== ALL_PLATFORMS) expect(entry.request.platformId).toBe(row.platformId);
          expect(entry.request.createdAt).toBeGreaterThanOrEqual(world.period.from);
          expect(entry.request.createdAt).toBeLessThan(world.period.to);
        }
      }
    }
  });

  it('the late ones are the late-response list itself, withdrawn included, oldest first', () => {
    const metaRequests = world.requests.filter((request) => request.platformId === 'meta');
    expect(behind('meta', 'late')).toEqual(lateRequests(metaRequests, world.period, world.at));
    expect(refsOf(behind('meta', 'late'))).toEqual(refs(world.ids.m2, world.ids.m3, world.ids.m4));
    expect(refsOf(behind('meta', 'lateWithdrawn'))).toEqual(refs(world.ids.m3));
    expect(refsOf(behind(ALL_PLATFORMS, 'late'))).toEqual(refs(world.ids.t1, world.ids.m2, world.ids.m3, world.ids.m4));
  });

  it('lists the withdrawn, the unanswered (never a contested one) and the on-time requests', () => {
    expect(refsOf(behind('meta', 'withdrawn'))).toEqual(refs(world.ids.m3));
    expect(refsOf(behind('meta', 'unanswered'))).toEqual(refs(world.ids.m2));
    expect(refsOf(behind('meta', 'onTime'))).toEqual(refs(world.ids.m1, world.ids.m5));
    expect(refsOf(behind('meta', 'created'))).toEqual(refs(world.ids.m1, world.ids.m2, world.ids.m3, world.ids.m4, world.ids.m5));
  });

  it('lists the times to acknowledge and to answer shortest first, so the median can be read off', () => {
    const acks = behind('meta', 'timeToAck');
    expect(refsOf(acks)).toEqual(refs(world.ids.m5, world.ids.m1, world.ids.m4));
    expect(acks.map((row) => row.timeToAck)).toEqual([5 * 60_000, 10 * 60_000, 20 * 60_000]);
    expect(refsOf(behind(ALL_PLATFORMS, 'timeToAnswer')).slice(0, 2)).toEqual(refs(world.ids.m1, world.ids.m5));
  });
});

describe('what a liaison sees', () => {
  const liaison = ownPlatformOf({ role: 'liaison', platformId: 'meta' });

  it('their own platform only, whatever the store holds, and no total', () => {
    expect(liaison).toBe('meta');
    expect(ownPlatformOf({ role: 'observer', platformId: null })).toBeNull();
    expect(ownPlatformOf(null)).toBeUndefined();
    const requests = requestsInScope(world.requests, 'meta');
    expect(new Set(requests.map((request) => request.platformId))).toEqual(new Set(['meta']));
    const platforms = platformsInScope(world.platforms, requests, 'meta', 'en');
    expect(platforms).toEqual([{ id: 'meta', name: 'Meta' }]);
    const rows: PlatformFigures[] = figureTable(requests, platforms, world.period, world.at, false);
    expect(rows.map((row) => row.platformId)).toEqual(['meta']);
    expect(rows[0]).toEqual(table.find((row) => row.platformId === 'meta'));
  });
});
