import {
  ALL_PLATFORMS,
  createdIn,
  figuresOf,
  formatDuration,
  formatShare,
  lateRequests,
  periodOfDays,
  platformFigures,
  requestFigures,
  type PlatformFigures,
  type Request,
  type RequestFigures,
  weeklyFigures,
} from '@contact-desk/shared';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { recordAt } from '../../apps/relay/src/audit/recompute-figures';

/** The zone of the browser contexts the tests open (support-app): the zone the app states its days in. */
export const ZONE = 'Europe/Paris';

/** What the figures screen shows at one moment, read in one go. */
export interface ShownFigures {
  readonly seq: number;
  readonly hash: string | null;
  readonly at: number;
  readonly first: string;
  readonly last: string;
  /** Per row: platform id and name, then each figure's text by field. */
  readonly rows: { platformId: string; name: string; cells: Record<string, string> }[];
  /** The weekly trend's platform and its data table: week, created, median to acknowledge, median to answer. */
  readonly trend: { platformId: string; rows: string[][] };
  /** The list of requests open under the table, if any. */
  readonly list: { platformId: string; kind: string; count: number; refs: string[] } | null;
}

export function readShown(page: Page): Promise<ShownFigures> {
  return page.evaluate(() => {
    const one = (testId: string) => document.querySelector(`[data-testid="${testId}"]`);
    const list = one('figure-requests');
    return {
      seq: Number(one('figures-position')?.getAttribute('data-seq') ?? -1),
      hash: one('figures-hash')?.getAttribute('data-hash') ?? null,
      at: Date.parse(one('figures-at')?.getAttribute('datetime') ?? ''),
      first: (one('figures-first') as HTMLInputElement | null)?.value ?? '',
      last: (one('figures-last') as HTMLInputElement | null)?.value ?? '',
      rows: [...document.querySelectorAll('[data-testid="figures-row"]')].map((row) => ({
        platformId: row.getAttribute('data-platform') ?? '',
        name: row.querySelector('th')?.textContent?.trim() ?? '',
        cells: Object.fromEntries(
          [...row.querySelectorAll('[data-testid^="fig-"]')].map((cell) => [
            (cell.getAttribute('data-testid') ?? '').split('-').at(-1),
            cell.textContent?.trim() ?? '',
          ]),
        ),
      })),
      trend: {
        platformId: one('figures-trend')?.getAttribute('data-platform') ?? '',
        rows: [...document.querySelectorAll('[data-testid="figures-trend-table"] tbody tr')].map((row) =>
          [...row.children].map((cell) => cell.textContent?.trim() ?? ''),
        ),
      },
      list: list && {
        platformId: list.getAttribute('data-platform') ?? '',
        kind: list.getAttribute('data-kind') ?? '',
        count: Number(one('figure-requests-count')?.getAttribute('data-count') ?? -1),
        refs: [...list.querySelectorAll('[data-testid="figure-request"]')].map((row) => row.getAttribute('data-ref') ?? ''),
      },
    };
  });
}

/** How the screen must write each figure: counts as digits, durations and shares with the shared formatters. */
const WRITTEN: Record<string, (figures: PlatformFigures) => string> = {
  created: (f) => String(f.created),
  withdrawn: (f) => String(f.withdrawn),
  medianTimeToAck: (f) => formatDuration(f.medianTimeToAck, 'fr'),
  p90TimeToAck: (f) => formatDuration(f.p90TimeToAck, 'fr'),
  medianTimeToAnswer: (f) => formatDuration(f.medianTimeToAnswer, 'fr'),
  p90TimeToAnswer: (f) => formatDuration(f.p90TimeToAnswer, 'fr'),
  onTimeShare: (f) => formatShare(f.onTimeShare, 'fr'),
  late: (f) => String(f.late),
  lateWithdrawn: (f) => String(f.lateWithdrawn),
  unanswered: (f) => String(f.unanswered),
};

/** The relay's record at the shown position, for one platform or all (`own` null). */
export async function relayRecord(dataDir: string, shown: ShownFigures, own: string | null) {
  const record = await recordAt(join(dataDir, 'contact-desk.sqlite'), shown.seq);
  const requests = [...record.state.requests.values()].filter((request) => own === null || request.platformId === own);
  const period = periodOfDays(shown.first, shown.last, ZONE);
  return { record, requests, period };
}

/** The table the screen must show, from the relay's log folded up to the shown seq, judged at the shown instant. */
export async function expectedTable(dataDir: string, shown: ShownFigures, own: string | null) {
  const { record, requests, period } = await relayRecord(dataDir, shown, own);
  const computed = platformFigures(requests, period, shown.at, own === null);
  const platforms = [...record.state.platforms.values()]
    .filter((platform) => own === null || platform.id === own)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const byId = (id: string) => computed.find((row) => row.platformId === id) ?? figuresOf(id, []);
  const rows = [
    ...platforms.map((platform) => ({ id: platform.id, name: platform.name })),
    ...(own === null ? [{ id: ALL_PLATFORMS, name: 'Toutes plateformes' }] : []),
  ];
  return {
    hash: record.upToHash,
    rows: rows.map(({ id, name }) => ({
      platformId: id,
      name,
      cells: Object.fromEntries(Object.entries(WRITTEN).map(([field, write]) => [field, write(byId(id))])),
    })),
  };
}

/** The requests behind a number, from the relay's record: the shared per-request definitions, picked independently. */
export function expectedList(
  requests: readonly Request[],
  period: { from: number; to: number },
  at: number,
  platformId: string,
  kind: string,
): string[] {
  const mine = requests.filter((request) => platformId === ALL_PLATFORMS || request.platformId === platformId);
  if (kind === 'late') return lateRequests(mine, period, at).map((row) => row.request.ref);
  const rows = mine.filter((request) => createdIn(request, period)).map((request) => requestFigures(request, at));
  const picks: Record<string, (row: RequestFigures) => boolean> = {
    withdrawn: (row) => row.withdrawn,
    unanswered: (row) => row.unanswered,
    timeToAck: (row) => !row.withdrawn && row.timeToAck !== null,
  };
  const pick = picks[kind];
  if (!pick) throw new Error(`no expected list for ${kind}`);
  return rows.filter(pick).map((row) => row.request.ref);
}

/** Null when the trend's table holds the shared weekly figures of its platform from the relay's record (weeks without a request empty). */
export function trendDisagreement(dataDir: string, own: string | null): Disagreement {
  return async (shown) => {
    const { requests, period } = await relayRecord(dataDir, shown, own);
    const weekly = weeklyFigures(
      requests.filter((request) => request.platformId === shown.trend.platformId),
      period,
      shown.at,
      ZONE,
    );
    const byWeek = new Map(
      weekly.map((row) => [
        row.week,
        [String(row.created), formatDuration(row.medianTimeToAck, 'fr'), formatDuration(row.medianTimeToAnswer, 'fr')],
      ]),
    );
    const expected = shown.trend.rows.map(([week]) => [week ?? '', ...(byWeek.get(week ?? '') ?? ['0', '—', '—'])]);
    const weeksShown = new Set(shown.trend.rows.map(([week]) => week));
    if (weekly.some((row) => !weeksShown.has(row.week))) return `a week with requests is missing: ${JSON.stringify(shown.trend.rows)}`;
    return JSON.stringify(shown.trend.rows) === JSON.stringify(expected)
      ? null
      : `trend ${JSON.stringify(shown.trend.rows)}\nexpected ${JSON.stringify(expected)}`;
  };
}

/** Why what is shown disagrees with the record, or null when it agrees. */
export type Disagreement = (shown: ShownFigures) => Promise<string | null> | string | null;

/** Polls until `check` of what is shown says it agrees (the record and the clock move on meanwhile). */
export async function expectAgreement(page: Page, check: Disagreement, timeout = 30_000): Promise<ShownFigures> {
  let last: ShownFigures | undefined;
  await expect
    .poll(
      async () => {
        last = await readShown(page);
        return (await check(last)) ?? 'agrees';
      },
      { timeout },
    )
    .toBe('agrees');
  return last!;
}

/** Null when the shown table is the one the relay's record gives at the shown position and instant. */
export function tableDisagreement(dataDir: string, own: string | null): Disagreement {
  return async (shown) => {
    if (!shown.hash || !Number.isFinite(shown.at) || shown.rows.length === 0) return 'nothing shown yet';
    const expected = await expectedTable(dataDir, shown, own);
    if (expected.hash !== shown.hash) return `hash at seq ${shown.seq}: shown ${shown.hash}, log ${expected.hash}`;
    const [actual, wanted] = [JSON.stringify(shown.rows), JSON.stringify(expected.rows)];
    return actual === wanted ? null : `shown ${actual}\nexpected ${wanted}`;
  };
}
